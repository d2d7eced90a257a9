import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { callApi, demoTokens, postOpen311Form } from '../../testing/http-client';

/**
 * Invariant 6 for personal data, through HTTP against the real database: every write of a
 * reporter's or caller's contact details leaves a non-public timeline event (which fields, who,
 * never the values), and every caller-history search leaves an audit event (who, when, which
 * number, how many reports, which ones) before the answer goes out.
 */

/**
 * Points in eight wards across the city, taken in turn: these reports need no particular ward,
 * and spread out they leave the figures of suites that count reports around one place alone.
 */
const PLACES = [
  { lat: 10.7905, lng: 106.688 },
  { lat: 10.7626, lng: 106.6822 },
  { lat: 10.8016, lng: 106.7147 },
  { lat: 10.7546, lng: 106.6633 },
  { lat: 10.8231, lng: 106.6297 },
  { lat: 10.738, lng: 106.721 },
  { lat: 10.85, lng: 106.77 },
  { lat: 10.799, lng: 106.652 },
];
let placed = 0;
const somewhere = () => PLACES[placed++ % PLACES.length];

/** A number no other suite uses: 09 + 8 digits from the clock and a counter. */
let serial = 0;
function freshPhone(): string {
  serial += 1;
  return `09${String((Date.now() * 10 + serial) % 1e8).padStart(8, '0')}`;
}

describe('personal data audit (in-process HTTP, real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let tokens: Record<string, string>;

  const call = (method: 'GET' | 'POST', url: string, who?: string, payload?: object, headers: Record<string, string> = {}) =>
    callApi(app, method, url, who && tokens[who], payload, headers);
  const personalEvents = (reportId: string) =>
    db.query(
      `SELECT e.type, e.actor_role AS role, u.username, e.is_public AS "isPublic", ep.message, e.data || coalesce(ep.data, '{}') AS data
         FROM report_event e LEFT JOIN report_event_personal ep ON ep.event_id = e.id LEFT JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.report_id = $1 AND e.type = 'personal_data_recorded' ORDER BY e.id`,
      [reportId],
    );
  /** A pothole somewhere in the city, filed by `who` (no one: anonymous), with any further fields of the filing. */
  const filePothole = (who: string | undefined, description: string, more: object = {}) =>
    call('POST', '/api/v1/reports', who, { category: 'pothole', ...somewhere(), description, ...more });
  /** The one event a write of contact details leaves: who (role and username alike for the demo accounts), never the values. */
  const recordedBy = (who: string | null, data: object) => ({
    type: 'personal_data_recorded',
    role: who,
    username: who,
    isPublic: false,
    message: null,
    data,
  });
  const userId = async (username: string) => (await db.query(`SELECT id FROM app_user WHERE username = $1`, [username]))[0].id;

  beforeAll(async () => {
    ({ app, db } = await createTestHttpAppWithDb());
    tokens = await demoTokens(app, ['operator', 'ward.benthanh', 'admin']);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('writes of contact details', () => {
    it('records which contact fields a citizen left, after the created event, without their values', async () => {
      const email = `kiem.tra.${Date.now()}@example.com`;
      const filed = await filePothole(undefined, 'Ổ gà sâu trước cổng chợ', {
        reporter: { name: 'Phạm Thị Dung', email, hideIdentity: true },
        consent: true,
        channel: 'web',
      });
      expect(filed.status).toBe(201);
      expect(await personalEvents(filed.body.id)).toEqual([
        recordedBy(null, { subject: 'reporter', fields: ['name', 'email'], hideIdentity: true, channel: 'web' }),
      ]);
      const timeline = await db.query(`SELECT type, data::text AS data FROM report_event WHERE report_id = $1 ORDER BY id`, [
        filed.body.id,
      ]);
      expect(timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'personal_data_recorded']);
      expect(timeline.map((e: { data: string }) => e.data).join(' ')).not.toMatch(/Phạm Thị Dung|kiem\.tra/);
      // Not on the public page.
      const tracked = await call('GET', `/api/v1/track/${filed.body.code}`);
      expect(tracked.body.timeline.map((e: { type: string }) => e.type)).toEqual(['created']);
    });

    it('records the operator who typed a caller’s details into a phone report', async () => {
      const phone = freshPhone();
      const filed = await filePothole('operator', 'Người gọi báo ổ gà', { channel: 'phone', reporter: { phone, hideIdentity: false } });
      expect(filed.status).toBe(201);
      expect(await personalEvents(filed.body.id)).toEqual([
        recordedBy('operator', { subject: 'reporter', fields: ['phone'], hideIdentity: false, channel: 'phone' }),
      ]);
    });

    it('writes no personal-data event for an anonymous report', async () => {
      const filed = await filePothole(undefined, 'Ổ gà, không để lại liên hệ');
      expect(filed.status).toBe(201);
      expect(await personalEvents(filed.body.id)).toEqual([]);
    });

    it('records the contact details an Open311 client sends', async () => {
      const res = await postOpen311Form(app, {
        api_key: 'demo-open311-key',
        service_code: 'pothole',
        ...((p) => ({ lat: String(p.lat), long: String(p.lng) }))(somewhere()),
        description: 'Ổ gà báo qua Open311',
        email: `open311.${Date.now()}@example.com`,
      });
      expect(res.statusCode).toBe(201);
      const [{ id }] = await db.query(`SELECT id FROM report WHERE code = $1 OR id::text = $1`, [res.json()[0].service_request_id]);
      expect(await personalEvents(id)).toEqual([
        recordedBy(null, { subject: 'reporter', fields: ['email'], hideIdentity: false, channel: 'open311' }),
      ]);
    });

    it('records the caller an operator attaches, pointing at the stored caller row', async () => {
      const filed = await filePothole(undefined, 'Ổ gà, người khác gọi báo thêm');
      const phone = freshPhone();
      const attached = await call('POST', `/api/v1/reports/${filed.body.id}/callers`, 'operator', { phone, name: 'Võ Văn Em' });
      expect(attached.status).toBe(201);
      const [caller] = await db.query(`SELECT id, phone, name, operator_id AS "operatorId" FROM report_caller WHERE report_id = $1`, [
        filed.body.id,
      ]);
      expect(caller).toMatchObject({ phone, name: 'Võ Văn Em', operatorId: await userId('operator') });
      expect(await personalEvents(filed.body.id)).toEqual([
        recordedBy('operator', { subject: 'caller', callerId: caller.id, fields: ['phone', 'name'] }),
      ]);
      const types = (await db.query(`SELECT type FROM report_event WHERE report_id = $1 ORDER BY id`, [filed.body.id])).map(
        (e: { type: string }) => e.type,
      );
      expect(types).toEqual(['created', 'caller_attached', 'personal_data_recorded']);
      // Staff see the line (without the values) in the ticket's timeline.
      const view = await call('GET', `/api/v1/reports/${filed.body.id}`, 'admin');
      expect(view.body.timeline).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'personal_data_recorded',
            isPublic: false,
            actor: expect.objectContaining({ username: 'operator' }),
          }),
        ]),
      );
      expect(JSON.stringify(view.body.timeline)).not.toContain(phone);
    });
  });

  describe('caller-history searches', () => {
    const auditRows = (phone: string) =>
      db.query(
        // The number itself sits beside the append-only event, where retention and erasure can blank it.
        `SELECT a.type, a.actor_role AS role, u.username, p.subject, a.result_count AS "resultCount", a.data, a.created_at AS "createdAt"
           FROM audit_event a JOIN audit_event_personal p ON p.event_id = a.id LEFT JOIN app_user u ON u.id = a.actor_user_id
          WHERE p.subject = $1 ORDER BY a.id`,
        [phone],
      );

    it('keeps who searched which number, when, and which reports it showed', async () => {
      const phone = freshPhone();
      const own = await filePothole('operator', 'Người gọi báo ổ gà lần một', { channel: 'phone', reporter: { phone } });
      const other = await filePothole(undefined, 'Ổ gà người này gọi báo thêm');
      expect((await call('POST', `/api/v1/reports/${other.body.id}/callers`, 'operator', { phone })).status).toBe(201);

      const before = Date.now();
      // Typed with spaces and +84: the audit keeps the number as searched, normalised.
      const res = await call(
        'GET',
        `/api/v1/callers/${encodeURIComponent(`+84 ${phone.slice(1, 3)} ${phone.slice(3)}`)}/reports`,
        'operator',
      );
      expect(res.status).toBe(200);
      expect(res.body.map((r: { id: string }) => r.id).sort()).toEqual([own.body.id, other.body.id].sort());

      const rows = await auditRows(phone);
      expect(rows).toEqual([
        {
          type: 'caller_history_searched',
          role: 'operator',
          username: 'operator',
          subject: phone,
          resultCount: 2,
          data: { reportIds: res.body.map((r: { id: string }) => r.id) },
          createdAt: expect.any(Date),
        },
      ]);
      expect(rows[0].createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    });

    it('keeps a search that found nothing too', async () => {
      const phone = freshPhone();
      const res = await call('GET', `/api/v1/callers/${phone}/reports`, 'operator');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
      expect(await auditRows(phone)).toEqual([
        expect.objectContaining({ username: 'operator', subject: phone, resultCount: 0, data: { reportIds: [] } }),
      ]);
    });

    it('writes nothing for a refused search', async () => {
      const phone = freshPhone();
      expect((await call('GET', `/api/v1/callers/${phone}/reports`, 'ward.benthanh')).status).toBe(403);
      expect((await call('GET', `/api/v1/callers/${phone}/reports`)).status).toBe(401);
      expect((await call('GET', `/api/v1/callers/not-a-phone/reports`, 'operator')).status).toBe(400);
      expect(await auditRows(phone)).toEqual([]);
    });

    it('answers nothing when the audit cannot be written', async () => {
      const phone = freshPhone();
      const filed = await filePothole('operator', 'Người gọi báo ổ gà', { channel: 'phone', reporter: { phone } });
      // The audit insert fails for this number only (a check its row cannot pass): the report
      // the search would have shown must not leave the server.
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.query(
        `ALTER TABLE audit_event_personal ADD CONSTRAINT ck_audit_event_test_block CHECK (subject <> '${phone}') NOT VALID`,
      );
      try {
        const res = await call('GET', `/api/v1/callers/${phone}/reports`, 'operator');
        expect(res.status).not.toBe(200);
        expect(res.text).not.toContain(filed.body.id);
        expect(res.text).not.toContain(filed.body.code);
      } finally {
        await runner.query(`ALTER TABLE audit_event_personal DROP CONSTRAINT ck_audit_event_test_block`);
        await runner.release();
      }
      expect(await auditRows(phone)).toEqual([]);
    });
  });
});
