import { runMigrations } from '../../engine/database/migrator';
import { scratchSessionForSuite } from '../../testing/scratch-session';
import { ReportRecordRepository } from './report-record.repository';

/**
 * The timeline's free text sits beside the append-only events: the application writes it with its
 * event in one statement and reads it, may not change or delete it, and still cannot UPDATE
 * report_event; only the redaction function, under the eraser's role, rewrites it — and leaves a
 * trace with counts, never a value.
 */
describe('free text of the timeline (real PostgreSQL)', () => {
  const { db, q } = scratchSessionForSuite();
  let record: ReportRecordRepository;
  let reportId: string;
  let noteId: string;
  let ratedId: string;

  beforeAll(async () => {
    record = new ReportRecordRepository(db().dataSource);
    await q().query(
      `INSERT INTO admin_unit (code, name, short_name, kind, province_code, valid_from, source) VALUES ('00001','Phường Thử','Thử','phuong','79','2025-07-01','test')`,
    );
    await q().query(
      `INSERT INTO category (code, name_vi, name_en, group_code, group_vi, group_en, handling_level) VALUES ('t','T','T','g','G','G','ward')`,
    );
    [{ id: reportId }] = await q().query(`
      INSERT INTO report (code, channel, category_id, description, point, point_3857, admin_unit_id, ward_code)
      SELECT 'HCM-T-1', 'web', c.id, 'x', ST_SetSRID(ST_MakePoint(106.7, 10.77), 4326), ST_SetSRID(ST_MakePoint(0, 0), 3857), a.id, a.code
        FROM category c, admin_unit a RETURNING id`);
    const m = db().dataSource.manager;
    noteId = await record.appendEvent(m, { reportId, type: 'note', isPublic: false, message: 'Gọi chị Lan 0903 123 456' });
    ratedId = await record.appendEvent(m, {
      reportId,
      type: 'rated',
      isPublic: true,
      data: { rating: 2 },
      personal: { comment: 'Lan ở số 5' },
    });
    await record.appendEvent(m, { reportId, type: 'assigned', isPublic: true, data: { ruleId: 1 } });
  });

  it('writes the text beside its event, only for events that have some, and keeps the skeleton free of it', async () => {
    const rows = await q().query(
      `SELECT e.type, e.data, p.message, p.data AS personal FROM report_event e LEFT JOIN report_event_personal p ON p.event_id = e.id
        WHERE e.report_id = $1 ORDER BY e.id`,
      [reportId],
    );
    expect(rows).toEqual([
      { type: 'note', data: {}, message: 'Gọi chị Lan 0903 123 456', personal: null },
      { type: 'rated', data: { rating: 2 }, message: null, personal: { comment: 'Lan ở số 5' } },
      { type: 'assigned', data: { ruleId: 1 }, message: null, personal: null },
    ]);
    const columns = await q().query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'report_event' AND column_name = 'message'`,
    );
    expect(columns).toEqual([]);
  });

  it('lets the application role insert and read it, but not change or delete it, nor update the events', async () => {
    await q().query(`SET ROLE hcmc1022_app`);
    await expect(q().query(`SELECT count(*)::int AS n FROM report_event_personal`)).resolves.toEqual([{ n: 2 }]);
    for (const sql of [
      `UPDATE report_event_personal SET message = 'forged'`,
      `DELETE FROM report_event_personal`,
      `UPDATE report_event SET type = 'forged'`,
    ]) {
      await expect(q().query(sql)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/^permission denied for table/) });
    }
    await expect(q().query(`TRUNCATE report_event_personal`)).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses the owner any change, delete or truncate', async () => {
    await expect(q().query(`UPDATE report_event_personal SET message = NULL, redacted_at = now()`)).rejects.toThrow(
      'report_event_personal may only be redacted by redact_report_event_personal',
    );
    await expect(q().query(`DELETE FROM report_event_personal`)).rejects.toThrow('report_event_personal is append-only');
    await expect(q().query(`TRUNCATE report_event_personal`)).rejects.toThrow('report_event_personal is append-only');
  });

  it('rewrites it only through the redaction function, under its own role, which records each call with counts only', async () => {
    const [fn] = await q().query(
      `SELECT p.prosecdef AS definer, r.rolname AS owner FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE p.proname = 'redact_report_event_personal'`,
    );
    expect(fn).toEqual({ definer: true, owner: 'hcmc1022_eraser' });

    await q().query(`SET ROLE hcmc1022_app`);
    const redact = (ids: string[], messages: (string | null)[], datas: (string | null)[]) =>
      q().query(`SELECT redact_report_event_personal($1::bigint[], $2::text[], $3::jsonb[], 'erasure request R-1') AS n`, [
        ids,
        messages,
        datas,
      ]);
    await expect(redact([noteId, ratedId], ['Gọi [x]', null], [null, JSON.stringify({ comment: '[x] ở số 5' })])).resolves.toEqual([
      { n: 2 },
    ]);
    // The same again changes nothing, and says so.
    await expect(redact([noteId, ratedId], ['Gọi [x]', null], [null, JSON.stringify({ comment: '[x] ở số 5' })])).resolves.toEqual([
      { n: 0 },
    ]);
    await expect(redact([noteId], [], [])).rejects.toMatchObject({ code: '22023' });
    await q().query(`RESET ROLE`);

    const rows = await q().query(`SELECT message, data, redacted_at IS NOT NULL AS redacted FROM report_event_personal ORDER BY event_id`);
    expect(rows).toEqual([
      { message: 'Gọi [x]', data: null, redacted: true },
      { message: null, data: { comment: '[x] ở số 5' }, redacted: true },
    ]);
    const traces = await q().query(
      `SELECT subject, result_count AS n, data FROM audit_event WHERE type = 'personal_data_erased' ORDER BY id`,
    );
    expect(traces).toEqual([
      { subject: 'report_event_personal', n: 2, data: { reason: 'erasure request R-1', requested: 2 } },
      { subject: 'report_event_personal', n: 0, data: { reason: 'erasure request R-1', requested: 2 } },
    ]);
    expect(JSON.stringify(traces)).not.toMatch(/Lan|0903/);
  });

  it('moves the text back into the events when the migration is undone, and out again when it is redone', async () => {
    const migrations = db().dataSource.migrations.map((m) => m.name);
    const index = migrations.indexOf('ReportEventPersonal1765152000000');
    expect(index).toBeGreaterThan(0);
    for (let i = migrations.length; i > index; i--) await db().dataSource.undoLastMigration({ transaction: 'each' });
    const back = await q().query(`SELECT type, message, data FROM report_event WHERE report_id = $1 ORDER BY id`, [reportId]);
    expect(back).toEqual([
      { type: 'note', message: 'Gọi [x]', data: {} },
      { type: 'rated', message: null, data: { rating: 2, comment: '[x] ở số 5' } },
      { type: 'assigned', message: null, data: { ruleId: 1 } },
    ]);
    await runMigrations(db().dataSource);
    const moved = await q().query(
      `SELECT e.type, e.data, p.message, p.data AS personal FROM report_event e LEFT JOIN report_event_personal p ON p.event_id = e.id
        WHERE e.report_id = $1 ORDER BY e.id`,
      [reportId],
    );
    expect(moved).toEqual([
      { type: 'note', data: {}, message: 'Gọi [x]', personal: null },
      { type: 'rated', data: { rating: 2 }, message: null, personal: { comment: '[x] ở số 5' } },
      { type: 'assigned', data: { ruleId: 1 }, message: null, personal: null },
    ]);
  });
});
