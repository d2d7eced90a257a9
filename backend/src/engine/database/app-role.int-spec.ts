import { AppRole1764201600000 } from '../../../../migrations/1764201600000-app-role';
import { scratchSessionForSuite } from '../../testing/scratch-session';

/**
 * Invariant 6, second wall: the application's database role cannot rewrite the audit tables
 * (report_event, sla_stage_event, audit_event: privileges), and neither can the table owner
 * (the append-only triggers).
 */
describe('the application database role (real PostgreSQL)', () => {
  const { q } = scratchSessionForSuite();
  let reportId: string;

  beforeAll(async () => {
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
    await q().query(`INSERT INTO report_event (report_id, type) VALUES ($1, 'created')`, [reportId]);
    await q().query(`INSERT INTO audit_event (type, subject, result_count) VALUES ('caller_history_searched', '0901234567', 1)`);
  });

  it('is a role nobody logs in as directly', async () => {
    const [role] = await q().query(`SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'hcmc1022_app'`);
    expect(role).toEqual({ rolcanlogin: false, rolsuper: false, rolbypassrls: false });
  });

  it('appends timeline and audit events and works business tables, but cannot update, delete or truncate the audit tables', async () => {
    await q().query(`SET ROLE hcmc1022_app`);
    await q().query(`INSERT INTO report_event (report_id, type, data) VALUES ($1, 'personal_data_viewed', '{"fields":["email"]}')`, [
      reportId,
    ]);
    await q().query(
      `INSERT INTO audit_event (type, subject, result_count, data) VALUES ('caller_history_searched', '0901234567', 0, '{"reportIds":[]}')`,
    );
    await q().query(`UPDATE report SET description = 'edited by the app' WHERE id = $1`, [reportId]);
    expect((await q().query(`SELECT count(*)::int AS n FROM report_event WHERE report_id = $1`, [reportId]))[0].n).toBe(2);
    expect((await q().query(`SELECT count(*)::int AS n FROM audit_event WHERE subject = '0901234567'`))[0].n).toBe(2);

    for (const [sql, params] of [
      [`UPDATE report_event SET type = 'forged' WHERE report_id = $1`, [reportId]],
      [`DELETE FROM report_event WHERE report_id = $1`, [reportId]],
      [`UPDATE sla_stage_event SET stage = stage WHERE report_id = $1`, [reportId]],
      [`DELETE FROM sla_stage_event WHERE report_id = $1`, [reportId]],
      [`UPDATE audit_event SET subject = 'forged'`, []],
      [`DELETE FROM audit_event`, []],
    ] as const) {
      await expect(q().query(sql, [...params])).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/^permission denied for table (report_event|sla_stage_event|audit_event)$/),
      });
    }
    await expect(q().query(`TRUNCATE report_event CASCADE`)).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/^permission denied/),
    });
    await expect(q().query(`TRUNCATE audit_event`)).rejects.toMatchObject({
      code: '42501',
      message: 'permission denied for table audit_event',
    });
    await q().query(`RESET ROLE`);
    expect(
      (await q().query(`SELECT count(*)::int AS n FROM report_event WHERE report_id = $1 AND type <> 'forged'`, [reportId]))[0].n,
    ).toBe(2);
    expect((await q().query(`SELECT count(*)::int AS n FROM audit_event WHERE subject = '0901234567'`))[0].n).toBe(2);
  });

  it('has no UPDATE, DELETE or TRUNCATE on any table the append-only trigger guards', async () => {
    const guarded: { table: string; update: boolean; delete: boolean; truncate: boolean; insert: boolean }[] = await q().query(`
      SELECT t.relname AS table,
             has_table_privilege('hcmc1022_app', t.oid, 'UPDATE') AS update, has_table_privilege('hcmc1022_app', t.oid, 'DELETE') AS delete,
             has_table_privilege('hcmc1022_app', t.oid, 'TRUNCATE') AS truncate, has_table_privilege('hcmc1022_app', t.oid, 'INSERT') AS insert
        FROM (SELECT DISTINCT tgrelid FROM pg_trigger WHERE tgfoid = 'forbid_change'::regproc) g JOIN pg_class t ON t.oid = g.tgrelid
       ORDER BY t.relname`);
    expect(guarded.map((g) => g.table)).toEqual(expect.arrayContaining(['audit_event', 'report_event']));
    for (const g of guarded) expect(g).toEqual({ table: g.table, update: false, delete: false, truncate: false, insert: true });
  });

  it('still refuses the table owner, through the append-only triggers', async () => {
    const [{ owner }] = await q().query(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'report_event'`);
    expect((await q().query(`SELECT current_user AS u`))[0].u).toBe(owner);
    await expect(q().query(`UPDATE report_event SET type = 'forged' WHERE report_id = $1`, [reportId])).rejects.toThrow(
      'report_event is append-only',
    );
    await expect(q().query(`DELETE FROM report_event WHERE report_id = $1`, [reportId])).rejects.toThrow('report_event is append-only');
    await expect(q().query(`UPDATE audit_event SET subject = 'forged'`)).rejects.toThrow('audit_event is append-only');
    await expect(q().query(`DELETE FROM audit_event`)).rejects.toThrow('audit_event is append-only');
    await expect(q().query(`TRUNCATE audit_event`)).rejects.toThrow('audit_event is append-only');
  });

  it('re-runs idempotently, and its down leaves this database granting the role nothing', async () => {
    const migration = new AppRole1764201600000();
    await migration.up(q());
    const privilege = async () =>
      (
        await q().query(
          `SELECT count(*)::int AS n FROM information_schema.role_table_grants WHERE grantee = 'hcmc1022_app' AND table_catalog = current_database()`,
        )
      )[0].n;
    expect(await privilege()).toBeGreaterThan(0);
    await migration.down(q());
    expect(await privilege()).toBe(0);
    await migration.up(q());
    await q().query(`SET ROLE hcmc1022_app`);
    await expect(q().query(`DELETE FROM report_event WHERE report_id = $1`, [reportId])).rejects.toMatchObject({ code: '42501' });
    // Re-running grants every table again; the append-only ones are taken back, later ones included.
    await expect(q().query(`DELETE FROM audit_event`)).rejects.toMatchObject({
      code: '42501',
      message: 'permission denied for table audit_event',
    });
  });
});
