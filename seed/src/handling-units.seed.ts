import { CITY_UNIT_CODE, CITY_UNITS, wardCommitteeCode, wardCommitteeNames } from './handling-units.data';
import { countRows, execute, SeedStep } from './seed-step';

export const handlingUnitsStep: SeedStep = {
  name: 'handling units',
  async run(client) {
    const city = await execute(
      client,
      `INSERT INTO handling_unit (code, name, name_en, kind, phone)
       SELECT u.code, u.name, u."nameEn", u.kind::handling_unit_kind, u.phone
       FROM jsonb_to_recordset($1::jsonb) AS u(code text, name text, "nameEn" text, kind text, phone text)
       ON CONFLICT (code) DO NOTHING`,
      [JSON.stringify(CITY_UNITS)],
    );

    const { rows: wards } = await client.query<{ code: string; name: string; short_name: string; kind: string }>(
      `SELECT code, name, short_name, kind FROM admin_unit WHERE valid_to IS NULL ORDER BY code`,
    );
    const committees = wards.map((w) => ({
      code: wardCommitteeCode(w.code),
      ward: w.code,
      ...wardCommitteeNames({ name: w.name, shortName: w.short_name, kind: w.kind }),
    }));
    // No conflict target: a ward may already have an active committee under another code
    // (created by an admin), and the partial unique index on admin_unit_code must not fail the seed.
    const wardCommittees = await execute(
      client,
      `INSERT INTO handling_unit (code, name, name_en, kind, admin_unit_code, parent_id)
       SELECT c.code, c.name, c."nameEn", 'ward_committee', c.ward, (SELECT id FROM handling_unit WHERE code = $2)
       FROM jsonb_to_recordset($1::jsonb) AS c(code text, ward text, name text, "nameEn" text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(committees), CITY_UNIT_CODE],
    );

    // Parents are set after the insert because a statement does not see its own new rows; only
    // empty links are filled, so an admin's re-parenting survives a re-run.
    await execute(
      client,
      `UPDATE handling_unit h SET parent_id = p.id
       FROM jsonb_to_recordset($1::jsonb) AS u(code text, parent text)
       JOIN handling_unit p ON p.code = u.parent
       WHERE h.code = u.code AND h.parent_id IS NULL`,
      [JSON.stringify(CITY_UNITS.filter((u) => u.parent))],
    );

    return {
      'city units': city,
      'ward committees': wardCommittees,
      total: await countRows(client, 'SELECT count(*) AS n FROM handling_unit'),
    };
  },
};
