import * as argon2 from 'argon2';
import { Pool } from 'pg';
import { createScratchDatabase, ScratchDatabase } from '../../backend/src/testing/scratch-database';
import { TEST_DATABASE_URL } from '../../backend/src/testing/test-env';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.seed';
import { CITY_UNITS } from './handling-units.data';
import { generateReports } from './report-generator';
import { referenceSteps, runSeed } from './run-seed';

/** Runs against the database `npm test` migrated and seeded (TEST_DATABASE_URL). */
describe('seeded reference data (real PostgreSQL + PostGIS)', () => {
  let pool: Pool;
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await pool.query(sql, params)).rows as T[];

  beforeAll(() => {
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
  });

  it('has the 168 current units (113 phường, 54 xã, 1 đặc khu), valid, non-empty, with unique codes', async () => {
    const [stats] = await rows(`
      SELECT count(*)::int AS units, count(DISTINCT code)::int AS codes,
             count(*) FILTER (WHERE ST_IsValid(geom) AND NOT ST_IsEmpty(geom) AND ST_SRID(geom) = 4326)::int AS valid,
             count(*) FILTER (WHERE ST_Intersects(geom, label_point))::int AS labelled,
             count(*) FILTER (WHERE kind = 'phuong')::int AS phuong, count(*) FILTER (WHERE kind = 'xa')::int AS xa,
             count(*) FILTER (WHERE kind = 'dac_khu')::int AS dac_khu,
             count(*) FILTER (WHERE valid_from = DATE '2025-07-01' AND province_code = '79')::int AS dated
      FROM admin_unit WHERE valid_to IS NULL`);
    expect(stats).toEqual({ units: 168, codes: 168, valid: 168, labelled: 168, phuong: 113, xa: 54, dac_khu: 1, dated: 168 });
  });

  it.each([
    ['Chợ Bến Thành', 106.6981, 10.7725, 'Phường Bến Thành'],
    ['Nhà thờ Đức Bà', 106.699, 10.7798, 'Phường Sài Gòn'],
    ['Chợ Bình Tây', 106.651, 10.7497, 'Phường Bình Tây'],
    ['Bãi Sau, Vũng Tàu', 107.093, 10.345, 'Phường Vũng Tàu'],
    ['Côn Đảo', 106.606, 8.683, 'Đặc khu Côn Đảo'],
  ])('%s (%d, %d) lies in %s and in no other current unit', async (_, lng, lat, ward) => {
    const found = await rows<{ name: string }>(
      `SELECT name FROM admin_unit WHERE valid_to IS NULL AND ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))`,
      [lng, lat],
    );
    expect(found).toEqual([{ name: ward }]);
  });

  it.each([
    ['Phường 7', 'Quận 5', '27316', 'Phường An Đông'], // the 2025-03 name of code 27316
    ['Phường 8', 'Quận 5', '27316', 'Phường An Đông'], // its 2020 name
    ['Phường Bến Nghé', 'Quận 1', '26740', 'Phường Sài Gòn'],
    ['Phường Thảo Điền', 'Thành phố Thủ Đức', '27094', 'Phường An Khánh'],
    ['Phường Thảo Điền', 'Quận 2', '27094', 'Phường An Khánh'],
    ['Phường Phú Cường', 'Thành phố Thủ Dầu Một', '25747', 'Phường Thủ Dầu Một'],
  ])('the old address "%s, %s" resolves through the lineage to %s %s', async (oldName, district, code, name) => {
    const successors = await rows(
      `SELECT DISTINCT n.code, n.name
       FROM admin_unit o
       JOIN admin_unit_lineage l ON l.old_unit_id = o.id
       JOIN admin_unit n ON n.id = l.new_unit_id AND n.valid_to IS NULL
       WHERE o.valid_to IS NOT NULL AND f_search_key(o.name) = f_search_key($1) AND o.district_name = $2`,
      [oldName, district],
    );
    expect(successors).toEqual([{ code, name }]);
  });

  it('leaves no pre-reform unit of old HCMC without a successor, and keeps its history closed', async () => {
    const [stats] = await rows(`
      SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM admin_unit_lineage l WHERE l.old_unit_id = o.id))::int AS orphans,
             count(*) FILTER (WHERE o.valid_to > DATE '2025-07-01')::int AS open_after_reform,
             count(*) FILTER (WHERE o.geom IS NOT NULL)::int AS with_boundary
      FROM admin_unit o WHERE o.province_code = '79' AND o.valid_to IS NOT NULL`);
    expect(stats).toEqual({ orphans: 0, open_after_reform: 0, with_boundary: 322 });
  });

  it('gives every current unit one People’s Committee and every unit a way up to the city', async () => {
    const [stats] = await rows(`
      WITH RECURSIVE ladder AS (
        SELECT id AS start, id, parent_id, code, 0 AS depth FROM handling_unit
        UNION ALL
        SELECT l.start, h.id, h.parent_id, h.code, l.depth + 1 FROM ladder l JOIN handling_unit h ON h.id = l.parent_id WHERE l.depth < 6
      )
      SELECT (SELECT count(*)::int FROM admin_unit a WHERE a.valid_to IS NULL
                AND (SELECT count(*) FROM handling_unit h WHERE h.kind = 'ward_committee' AND h.active AND h.admin_unit_code = a.code) = 1) AS wards_with_committee,
             (SELECT count(*)::int FROM handling_unit h WHERE NOT EXISTS (SELECT 1 FROM ladder l WHERE l.start = h.id AND l.code = 'UBND-TP')) AS stranded`);
    expect(stats).toEqual({ wards_with_committee: 168, stranded: 0 });
  });

  it.each([
    ['street-light', 'SAPULICO'],
    ['water-supply', 'SAWACO'],
    ['power-outage', 'EVNHCMC'],
    ['flooding', 'UDC'],
    ['drainage-blocked', 'UDC'],
    ['traffic-light', 'SO-XAYDUNG'],
    ['illegal-construction', null],
    ['sidewalk-encroachment', null],
  ])('category %s goes by default to %s (null: the ward committee)', async (category, unit) => {
    const [row] = await rows<{ level: string; unit: string | null }>(
      `SELECT c.handling_level AS level, h.code AS unit FROM category c LEFT JOIN handling_unit h ON h.id = c.default_unit_id WHERE c.code = $1`,
      [category],
    );
    expect(row).toEqual({ level: unit ? 'department' : 'ward', unit });
  });

  it('gives every department-level category a default unit and keeps public-order reports off public maps', async () => {
    const [stats] = await rows(`
      SELECT count(*)::int AS categories,
             count(*) FILTER (WHERE handling_level = 'department' AND default_unit_id IS NULL)::int AS homeless,
             (SELECT is_public FROM category WHERE code = 'public-order') AS public_order_public
      FROM category`);
    expect(stats).toEqual({ categories: expect.any(Number), homeless: 0, public_order_public: false });
    expect((stats as { categories: number }).categories).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['garbage', '26732', 'UBND-26732'],
    ['flooding', '26743', 'UDC'],
    ['water-supply', '25747', 'BIWASE'],
  ])('routes %s in ward %s to %s from 1 July 2025', async (category, ward, unit) => {
    const found = await rows(
      `SELECT h.code AS unit, r.valid_from = TIMESTAMPTZ '2025-07-01 00:00+07' AS from_reform
       FROM routing_rule r JOIN category c ON c.id = r.category_id JOIN handling_unit h ON h.id = r.handling_unit_id
       WHERE c.code = $1 AND r.admin_unit_code = $2 AND r.valid_to IS NULL`,
      [category, ward],
    );
    expect(found).toEqual([{ unit, from_reform: true }]);
  });

  it('has the offline basemap in web mercator', async () => {
    const found = await rows(`
      SELECT layer, count(*)::int AS n, bool_and(ST_SRID(geom) = 3857 AND ST_IsValid(geom)) AS ok
      FROM basemap_feature GROUP BY layer ORDER BY layer`);
    expect(found).toEqual([
      { layer: 'roads', n: 2061, ok: true },
      { layer: 'water', n: 644, ok: true },
    ]);
  });

  it.each(DEMO_USERS.map((u) => [u.username, u.role, u.unit] as const))(
    'demo account %s: %s, unit %s, password 1022demo!',
    async (username, role, unit) => {
      const [user] = await rows<{ role: string; unit: string | null; hash: string; full_name: string }>(
        `SELECT u.role, h.code AS unit, u.password_hash AS hash, u.full_name FROM app_user u LEFT JOIN handling_unit h ON h.id = u.unit_id
       WHERE u.username = $1 AND u.active`,
        [username],
      );
      expect({ role: user.role, unit: user.unit }).toEqual({ role, unit });
      expect(user.hash).toMatch(/^\$argon2id\$/);
      expect(await argon2.verify(user.hash, DEMO_PASSWORD)).toBe(true);
    },
  );
});

describe('seed idempotency (scratch database)', () => {
  let db: ScratchDatabase;
  let pool: Pool;
  const TABLES = [
    'admin_unit',
    'admin_unit_lineage',
    'basemap_feature',
    'handling_unit',
    'category',
    'routing_rule',
    'app_user',
    'sla_policy',
    'calendar_day',
    'business_hours',
  ];

  beforeAll(async () => {
    db = await createScratchDatabase({ migrate: true });
    pool = new Pool({ connectionString: db.url, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('refuses to generate reports before the reference data exist', async () => {
    await expect(generateReports(pool, 10)).rejects.toThrow(/seed the reference data/);
    expect(Number((await pool.query('SELECT count(*) AS n FROM report')).rows[0].n)).toBe(0);
  });

  it('writes nothing the second time it runs', async () => {
    const first: string[] = [];
    await runSeed(pool, { demo: true, reports: 0, log: (l) => first.push(l) });
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(TABLES.map(async (t) => [t, Number((await pool.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n)] as const)),
      );
    const before = await counts();
    const marker = Number((await pool.query(`SELECT txid_current() AS x`)).rows[0].x);

    const second: string[] = [];
    await runSeed(pool, { demo: true, reports: 0, log: (l) => second.push(l) });

    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ handling_unit: 168 + CITY_UNITS.length, category: 30, app_user: DEMO_USERS.length });
    // No row of any table carries a transaction id from the second run: nothing was updated either.
    for (const table of TABLES) {
      const touched = await pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE xmin::text::bigint > $1`, [marker]);
      expect({ table, touched: touched.rows[0].n }).toEqual({ table, touched: 0 });
    }
    expect(first).toHaveLength(referenceSteps(true).length);
    expect(second.every((line) => !/(inserted|current|water|city units) [1-9]/.test(line))).toBe(true);
  });
});
