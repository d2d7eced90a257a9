import { scratchSessionForSuite } from '../../testing/scratch-session';
import { AuditRepository } from './audit.repository';

/**
 * The audit trail's personal values sit beside the append-only events (issue 19): the
 * application role writes them and reads them, may not change or delete them, and still cannot
 * UPDATE report_event or audit_event; only the erasure function, under its own role, blanks
 * them — and leaves a trace each time.
 */
describe('personal values of the audit trail (real PostgreSQL)', () => {
  const { db, q } = scratchSessionForSuite();
  let audit: AuditRepository;

  beforeAll(() => {
    audit = new AuditRepository(db().dataSource);
  });

  it('keeps a searched number and a sign-in address beside the event, and shows them to the trail’s readers', async () => {
    await audit.append({
      type: 'caller_history_searched',
      actorUserId: null,
      actorRole: 'operator',
      subject: '0900000191',
      resultCount: 1,
      data: { reportIds: [] },
    });
    await audit.append({
      type: 'sign_in_failed',
      actorUserId: null,
      actorRole: null,
      subject: 'username:nobody',
      resultCount: null,
      data: { reason: 'password', ip: '192.0.2.191' },
    });
    const skeleton = await q().query(`SELECT type, subject, data FROM audit_event ORDER BY id`);
    expect(skeleton).toEqual([
      { type: 'caller_history_searched', subject: 'caller', data: { reportIds: [] } },
      { type: 'sign_in_failed', subject: 'username:nobody', data: { reason: 'password' } },
    ]);
    expect(JSON.stringify(skeleton)).not.toMatch(/0900000191|192\.0\.2\.191/);
    const found = await audit.search({ subject: '0900000191', limit: 10, offset: 0 });
    expect(found.items).toEqual([expect.objectContaining({ type: 'caller_history_searched', subject: '0900000191', resultCount: 1 })]);
    const signIn = await audit.search({ type: ['sign_in_failed'], limit: 10, offset: 0 });
    expect(signIn.items[0].data).toEqual({ reason: 'password', ip: '192.0.2.191' });
  });

  it('lets the application role insert and read them, but not change or delete them, nor update either event table', async () => {
    await q().query(`SET ROLE hcmc1022_app`);
    await audit.append({
      type: 'caller_history_searched',
      actorUserId: null,
      actorRole: 'operator',
      subject: '0900000192',
      resultCount: 0,
      data: {},
    });
    for (const sql of [
      `UPDATE audit_event_personal SET subject = NULL`,
      `DELETE FROM audit_event_personal`,
      `UPDATE audit_event SET subject = 'forged'`,
      `UPDATE report_event SET type = 'forged'`,
    ]) {
      await expect(q().query(sql)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/^permission denied for table/) });
    }
    await expect(q().query(`TRUNCATE audit_event_personal`)).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses the owner anything but blanking them', async () => {
    await expect(q().query(`UPDATE audit_event_personal SET subject = 'forged'`)).rejects.toThrow(
      'audit_event_personal may only be blanked',
    );
    await expect(q().query(`DELETE FROM audit_event_personal`)).rejects.toThrow('audit_event_personal is append-only');
    await expect(q().query(`TRUNCATE audit_event_personal`)).rejects.toThrow('audit_event_personal is append-only');
  });

  it('blanks them only through the erasure function, under its own role, which records each call', async () => {
    const [fn] = await q().query(
      `SELECT p.prosecdef AS definer, r.rolname AS owner FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE p.proname = 'erase_audit_personal'`,
    );
    expect(fn).toEqual({ definer: true, owner: 'hcmc1022_eraser' });
    const [eraser] = await q().query(`SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = 'hcmc1022_eraser'`);
    expect(eraser).toEqual({ rolcanlogin: false, rolsuper: false });

    await q().query(`SET ROLE hcmc1022_app`);
    const [{ n }] = await q().query(`SELECT erase_audit_personal(now() + interval '1 minute', 'test') AS n`);
    expect(n).toBe(3);
    await q().query(`RESET ROLE`);
    const left = await q().query(
      `SELECT count(*)::int AS n FROM audit_event_personal WHERE subject IS NOT NULL OR ip IS NOT NULL OR erased_at IS NULL`,
    );
    expect(left[0].n).toBe(0);
    const found = await audit.search({ type: ['caller_history_searched'], limit: 10, offset: 0 });
    expect(found.items.map((i) => i.subject)).toEqual(['[đã xoá / erased]', '[đã xoá / erased]']);
    // A sign-in keeps its (staff) subject; only its address is gone.
    const signIn = await audit.search({ type: ['sign_in_failed'], limit: 10, offset: 0 });
    expect(signIn.items.map((i) => [i.subject, i.data])).toEqual([['username:nobody', { reason: 'password' }]]);
    const [trace] = await q().query(
      `SELECT result_count AS n, data->>'reason' AS reason FROM audit_event WHERE type = 'personal_data_erased'`,
    );
    expect(trace).toEqual({ n: 3, reason: 'test' });
  });
});
