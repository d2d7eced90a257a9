import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { advanceClock, callApi, demoTokens } from '../../testing/http-client';

const stamp = `${Date.now()}`.slice(-8);
const letters = stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
const CALLER = { name: `Gọi Điện ${letters} Lan`, phone: `094${stamp.slice(0, 7)}`, email: `goi.dien.${letters}@example.com` };
const HOUR = 3_600_000;
const URL = '/api/v1/admin/privacy-requests';

/**
 * The staff side of data subjects' requests: who may log (an operator for a call, an admin any),
 * who sees what (an operator only those they logged), the deadline and the overdue flag, the
 * export for a letter answer, completion and rejection (the subject's values go), and input
 * errors that name their field.
 */
describe('privacy requests, staff side (in-process HTTP)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let t: Record<string, string>;
  let reportCode: string;

  beforeAll(async () => {
    ({ app, db } = await createTestHttpAppWithDb());
    t = await demoTokens(app, ['operator', 'admin', 'leader', 'ward.benthanh']);
    const filed = await callApi(app, 'POST', '/api/v1/reports', undefined, {
      category: 'pothole',
      lat: 10.7791,
      lng: 106.6958,
      description: `Ổ gà sâu, người báo ${CALLER.name}`,
      reporter: { name: CALLER.name, phone: CALLER.phone, email: CALLER.email },
      consent: true,
    });
    expect(filed.status).toBe(201);
    reportCode = filed.body.code;
  });
  afterAll(async () => {
    await app?.close();
  });

  const phoneRequest = (kind: 'access' | 'erasure') => ({
    kind,
    channel: 'phone',
    phones: [CALLER.phone.replace(/^0/, '+84 ')],
    name: CALLER.name,
    identityCheck: 'Gọi lại đúng số đã đăng ký trên phản ánh',
    reason: 'Người dân muốn biết dữ liệu đang được lưu',
  });

  it('lets an operator log a call, with its deadline; not a letter; other roles not at all', async () => {
    const logged = await callApi(app, 'POST', URL, t.operator, phoneRequest('access'));
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({
      kind: 'access',
      channel: 'phone',
      status: 'received',
      overdue: false,
      handledAt: null,
      subject: { phones: [CALLER.phone], emails: [], name: CALLER.name },
      loggedBy: 'operator',
    });
    // PRIVACY_REQUEST_RESPONSE_HOURS, 72 by default (Decree 13/2023 art. 9, 14, 16).
    expect(new Date(logged.body.dueAt).getTime() - new Date(logged.body.receivedAt).getTime()).toBe(72 * HOUR);

    const letter = await callApi(app, 'POST', URL, t.operator, { ...phoneRequest('access'), channel: 'letter' });
    expect([letter.status, letter.body.code, letter.body.issues?.[0]?.field]).toEqual([403, 'privacy.channel_not_allowed', 'channel']);
    for (const who of ['leader', 'ward.benthanh']) {
      expect((await callApi(app, 'POST', URL, t[who], phoneRequest('access'))).status).toBe(403);
      expect((await callApi(app, 'GET', URL, t[who])).status).toBe(403);
    }
    expect((await callApi(app, 'GET', URL)).status).toBe(401);
    const audit = await db.query(`SELECT actor_role, data FROM audit_event WHERE type = 'privacy_request_received' AND subject = $1`, [
      `privacy_request:${logged.body.id}`,
    ]);
    expect(audit).toEqual([{ actor_role: 'operator', data: { kind: 'access', channel: 'phone' } }]);
  });

  it('shows an operator only the requests they logged, an admin all; filters by status', async () => {
    const byAdmin = await callApi(app, 'POST', URL, t.admin, { ...phoneRequest('access'), channel: 'in_person' });
    expect(byAdmin.status).toBe(201);
    const mine = await callApi(app, 'GET', `${URL}?limit=500`, t.operator);
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((r: { loggedBy: string }) => r.loggedBy === 'operator')).toBe(true);
    expect((await callApi(app, 'GET', `${URL}/${byAdmin.body.id}`, t.operator)).status).toBe(404);
    const all = await callApi(app, 'GET', `${URL}?status=received&limit=500`, t.admin);
    const ids = all.body.items.map((r: { id: string }) => r.id);
    expect(ids).toContain(byAdmin.body.id);
    expect(all.body.items.every((r: { status: string }) => r.status === 'received')).toBe(true);
    expect(all.body.total).toBeGreaterThanOrEqual(2);
  });

  it('exports the subject’s data for a letter answer, then completes the request and keeps no value', async () => {
    const logged = await callApi(app, 'POST', URL, t.admin, { ...phoneRequest('access'), channel: 'letter', emails: [CALLER.email] });
    const id = logged.body.id;
    expect((await callApi(app, 'GET', `${URL}/${id}/export`, t.operator)).status).toBe(403);
    const exported = await callApi(app, 'GET', `${URL}/${id}/export`, t.admin);
    expect(exported.status).toBe(200);
    expect(exported.body.reports.map((r: { code: string }) => r.code)).toEqual([reportCode]);
    expect(exported.body.reports[0].personal).toMatchObject({ reporter_phone: CALLER.phone, reporter_email: CALLER.email });

    expect((await callApi(app, 'POST', `${URL}/${id}/complete`, t.operator)).status).toBe(403);
    const done = await callApi(app, 'POST', `${URL}/${id}/complete`, t.admin);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      handledBy: 'admin',
      subject: { phones: [], emails: [], name: null },
      outcome: { reports: 1, callerRecords: 0 },
    });
    const again = await callApi(app, 'POST', `${URL}/${id}/complete`, t.admin);
    expect([again.status, again.body.code]).toEqual([409, 'privacy.already_handled']);
    expect((await callApi(app, 'GET', `${URL}/${id}/export`, t.admin)).status).toBe(409);

    const row = await db.query(`SELECT row_to_json(p)::text AS text FROM privacy_request p WHERE id = $1`, [id]);
    for (const value of [CALLER.name, CALLER.phone, CALLER.email]) expect(row[0].text).not.toContain(value);
    const trail = await db.query(`SELECT type, data::text FROM audit_event WHERE subject = $1 ORDER BY id`, [`privacy_request:${id}`]);
    expect(trail.map((e: { type: string }) => e.type)).toEqual([
      'privacy_request_received',
      'privacy_data_exported',
      'privacy_request_completed',
    ]);
    for (const value of [CALLER.name, CALLER.phone, CALLER.email]) expect(JSON.stringify(trail)).not.toContain(value);
  });

  it('runs an erasure logged at the desk when an admin completes it; the ticket stays', async () => {
    const visitor = { name: `Đến Quầy ${letters} Mai`, phone: `095${stamp.slice(0, 7)}` };
    const filed = await callApi(app, 'POST', '/api/v1/reports', undefined, {
      category: 'pothole',
      lat: 10.7791,
      lng: 106.6958,
      description: `Ổ gà, ${visitor.name} báo`,
      reporter: { name: visitor.name, phone: visitor.phone },
      consent: true,
    });
    const logged = await callApi(app, 'POST', URL, t.admin, {
      kind: 'erasure',
      channel: 'in_person',
      phones: [visitor.phone],
      name: visitor.name,
      identityCheck: 'Xem căn cước công dân tại quầy',
      reason: 'Yêu cầu xóa dữ liệu cá nhân',
    });
    const done = await callApi(app, 'POST', `${URL}/${logged.body.id}/complete`, t.admin);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ kind: 'erasure', status: 'completed', outcome: { reports: 1 }, subject: { phones: [], name: null } });
    const report = await db.query(`SELECT reporter_name, reporter_phone, description FROM report WHERE id = $1`, [filed.body.id]);
    expect(report[0].reporter_name).toBeNull();
    expect(report[0].reporter_phone).toBeNull();
    expect(report[0].description).not.toContain(visitor.name);
    expect((await callApi(app, 'GET', `/api/v1/track/${filed.body.code}`)).status).toBe(200);
  });

  it('rejects with a reason, names every bad field in both languages, and flags a late request', async () => {
    const logged = await callApi(app, 'POST', URL, t.admin, { ...phoneRequest('erasure'), channel: 'letter' });
    const noReason = await callApi(app, 'POST', `${URL}/${logged.body.id}/reject`, t.admin, {});
    expect([noReason.status, noReason.body.issues[0].field]).toEqual([400, 'reason']);
    const rejected = await callApi(app, 'POST', `${URL}/${logged.body.id}/reject`, t.admin, {
      reason: 'Không xác minh được người yêu cầu',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Không xác minh được người yêu cầu', subject: { phones: [] } });

    const cases: [object, string][] = [
      [{ ...phoneRequest('access'), identityCheck: undefined }, 'identityCheck'],
      [{ ...phoneRequest('access'), reason: '' }, 'reason'],
      [{ ...phoneRequest('access'), phones: ['12345'] }, 'phones.0'],
      [{ ...phoneRequest('access'), emails: ['không phải email'] }, 'emails.0'],
      [{ ...phoneRequest('access'), phones: [] }, 'phones'],
      [{ ...phoneRequest('access'), kind: 'delete' }, 'kind'],
      [{ ...phoneRequest('access'), channel: 'web_link' }, 'channel'],
    ];
    for (const [body, field] of cases) {
      const res = await callApi(app, 'POST', URL, t.admin, body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      const issue = res.body.issues.find((i: { field: string }) => i.field === field);
      expect({ field, named: Boolean(issue?.message && issue?.messageVi) }).toEqual({ field, named: true });
    }
    expect((await callApi(app, 'GET', `${URL}?status=done`, t.admin)).status).toBe(400);
    expect((await callApi(app, 'GET', `${URL}/not-an-id`, t.admin)).status).toBe(400);

    const open = await callApi(app, 'POST', URL, t.admin, { ...phoneRequest('access'), channel: 'letter' });
    advanceClock(app, 73 * HOUR);
    const late = await callApi(app, 'GET', `${URL}/${open.body.id}`, t.admin);
    expect(late.body.overdue).toBe(true);
    expect((await callApi(app, 'GET', `${URL}/${rejected.body.id}`, t.admin)).body.overdue).toBe(false);
  });
});
