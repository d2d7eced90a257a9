import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Job } from 'bullmq';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminUnitsStep } from '../../../../seed/src/admin-units.seed';
import { businessCalendarStep } from '../../../../seed/src/business-calendar.seed';
import { categoriesStep } from '../../../../seed/src/categories.seed';
import { demoUsersStep } from '../../../../seed/src/demo-users.seed';
import { handlingUnitsStep } from '../../../../seed/src/handling-units.seed';
import { ConfigModule } from '../../engine/config/config.module';
import { DatabaseModule } from '../../engine/database/database.module';
import { QueueModule } from '../../engine/queue/queue.module';
import { runJob } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { RedisModule } from '../../engine/redis/redis.module';
import { createTestHttpApp } from '../../testing/http-app';
import { createScratchDatabase, ScratchDatabase } from '../../testing/scratch-database';
import { PrivacyWorkerModule } from './privacy-worker.module';
import { RetentionProcessor } from './retention.processor';

const DAY = 86_400_000;
const SAI_GON = { code: '26740', lat: 10.7769, lng: 106.7009 };
const PHONE = '0987650019';
const EMAIL = 'retention.subject@example.com';
const NAME = 'Trần Thị Lưu Trữ';
const CALLER = '0912340019';

/**
 * The retention job against its own database (it works on every expired row, so it must not run
 * on the suites' shared one): with a one-day policy, a report that ended three days ago loses its
 * reporter's contact, its callers, its citizens' photos, the recipients of its messages, and a
 * session that ended loses its address — once; the run is audited with counts only, and the
 * report still counts in the leaders' figures and on the public map.
 */
describe('retention job (real PostgreSQL, one-day policies)', () => {
  let db: ScratchDatabase;
  let sql: Client;
  let app: NestFastifyApplication;
  let processor: RetentionProcessor;
  let close: () => Promise<void>;
  let leader: string;
  const storageDir = join(__dirname, '..', '..', '..', '..', 'var', 'test-storage', `retention-${process.pid}`);
  const saved: Record<string, string | undefined> = {};
  const env: Record<string, string> = {
    RETENTION_REPORTER_CONTACT_DAYS: '1',
    RETENTION_CALLER_NUMBERS_DAYS: '1',
    RETENTION_CLOSED_TICKET_PHOTOS_DAYS: '1',
    RETENTION_NOTIFICATION_LOG_DAYS: '1',
    RETENTION_LOGIN_RECORDS_DAYS: '1',
    RETENTION_AUDIT_PERSONAL_DAYS: '1',
    STORAGE_DIR: storageDir,
  };
  const ids: Record<string, string> = {};
  const ago = (days: number) => new Date(Date.now() - days * DAY);

  async function report(key: string, status: string, created: Date, ended: Date | null): Promise<void> {
    const { rows } = await sql.query(
      `INSERT INTO report (code, channel, category_id, description, point, admin_unit_id, ward_code, status, created_at, updated_at,
                           resolved_at, resolution_due_at, resolved_on_time, reporter_name, reporter_phone, reporter_email)
       SELECT $1, 'web', c.id, 'Rác tràn ra đường', ST_SetSRID(ST_MakePoint($2, $3), 4326), a.id, a.code, $4::report_status, $5, $5,
              $6, $6, CASE WHEN $6::timestamptz IS NULL THEN NULL ELSE true END, $7, $8, $9
         FROM category c, admin_unit a WHERE c.code = 'garbage' AND a.code = $10 AND a.valid_to IS NULL
       RETURNING id`,
      [`RT-${key}`, SAI_GON.lng, SAI_GON.lat, status, created, ended, NAME, PHONE, EMAIL, SAI_GON.code],
    );
    ids[key] = rows[0].id;
  }

  beforeAll(async () => {
    db = await createScratchDatabase({ migrate: true });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query('BEGIN');
    for (const step of [adminUnitsStep, handlingUnitsStep, categoriesStep, businessCalendarStep, demoUsersStep]) await step.run(sql);
    await sql.query('COMMIT');

    // Ended three days ago (expired), ended an hour ago (not yet), and still open.
    await report('old', 'resolved', ago(5), ago(3));
    await report('recent', 'resolved', ago(2), ago(1 / 24));
    await report('open', 'in_progress', ago(5), null);
    for (const key of ['old', 'recent']) {
      await sql.query(`INSERT INTO report_caller (report_id, phone, name, note) VALUES ($1, $2, 'Người gọi', 'gọi lại buổi chiều')`, [
        ids[key],
        CALLER,
      ]);
      await sql.query(
        `INSERT INTO notification (report_id, channel, recipient, template, payload, dedupe_key, status, sent_at)
         VALUES ($1, 'sms', $2, 'citizen.status.resolved', '{}', $3, 'sent', $4)`,
        [ids[key], PHONE, `rt:${key}`, key === 'old' ? ago(3) : ago(1 / 24)],
      );
      mkdirSync(join(storageDir, 'rt'), { recursive: true });
      for (const kind of ['citizen', 'resolution']) {
        const storageKey = `rt/${key}-${kind}.jpg`;
        writeFileSync(join(storageDir, storageKey), 'photo');
        await sql.query(
          `INSERT INTO attachment (report_id, kind, storage_key, content_type, size_bytes, width, height, sha256)
           VALUES ($1, $2, $3, 'image/jpeg', 5, 1, 1, repeat('0', 64))`,
          [ids[key], kind, storageKey],
        );
      }
    }
    await sql.query(
      `INSERT INTO user_session (user_id, expires_at, refresh_hash, refresh_expires_at, user_agent, ip, created_at)
       SELECT id, $1::timestamptz, 'h1', $1::timestamptz, 'Firefox', '203.0.113.19', $2::timestamptz FROM app_user WHERE username = 'operator'
       UNION ALL
       SELECT id, $3::timestamptz, 'h2', $3::timestamptz, 'Chrome', '203.0.113.20', now() FROM app_user WHERE username = 'operator'`,
      [ago(3), ago(4), new Date(Date.now() + DAY)],
    );

    // Caller-history searches of that number: three days ago (expired) and an hour ago; a sign-in's address.
    for (const [subject, at] of [
      [PHONE, ago(3)],
      [CALLER, ago(1 / 24)],
    ] as const) {
      await sql.query(
        `WITH e AS (INSERT INTO audit_event (type, subject, result_count, created_at) VALUES ('caller_history_searched', 'caller', 1, $2) RETURNING id)
         INSERT INTO audit_event_personal (event_id, subject) SELECT id, $1 FROM e`,
        [subject, at],
      );
    }
    await sql.query(
      `WITH e AS (INSERT INTO audit_event (type, subject, data, created_at) VALUES ('sign_in_failed', 'username:x', '{"reason":"password"}', $1) RETURNING id)
       INSERT INTO audit_event_personal (event_id, ip) SELECT id, '198.51.100.19' FROM e`,
      [ago(3)],
    );

    for (const [k, v] of Object.entries({ ...env, DATABASE_URL: db.url })) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    app = await createTestHttpApp();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: '1022demo!' } });
    leader = login.json().accessToken;
    // The worker's own wiring of the job (processor, service, owning modules).
    const worker = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, QueueModule, PrivacyWorkerModule],
    }).compile();
    const context = await worker.init();
    processor = context.get(RetentionProcessor);
    close = () => context.close();
  });

  afterAll(async () => {
    await close?.();
    await app?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await sql?.end();
    await db?.drop();
  });

  // One window for both reads: the figures before and after the run must be equal.
  const from = ago(10).toISOString();
  const to = ago(-1).toISOString();
  const figures = async () => {
    const ward = await app.inject({
      method: 'GET',
      url: `/api/v1/insights/wards/${SAI_GON.code}?from=${from}&to=${to}`,
      headers: { authorization: `Bearer ${leader}` },
    });
    const map = await app.inject({ method: 'GET', url: '/api/v1/public/insights/wards' });
    expect([ward.statusCode, map.statusCode]).toEqual([200, 200]);
    return { ward: ward.json(), map: map.json().wards.find((w: { code: string }) => w.code === SAI_GON.code) };
  };
  const reportRow = async (key: string) =>
    (
      await sql.query(
        `SELECT reporter_name, reporter_phone, reporter_email, status, category_id, ST_AsText(point) AS point, created_at, resolved_at,
                resolved_on_time, version, description FROM report WHERE id = $1`,
        [ids[key]],
      )
    ).rows[0];
  const apply = () => runJob(processor, QueueName.Privacy, { name: 'apply-retention' } as Job);

  it('anonymises what has expired, once, audits the run with counts only, and keeps the report in the figures', async () => {
    const before = await figures();
    // The two resolved reports of the fixture (the expired one among them) are counted.
    expect([before.ward.received, before.ward.resolved, before.map.received, before.map.resolved]).toEqual([3, 2, 3, 2]);
    const oldBefore = await reportRow('old');

    expect(await apply()).toEqual({
      reporterContact: 1,
      callerNumbers: 1,
      closedTicketPhotos: 1,
      notificationLog: 1,
      loginRecords: 1,
      auditPersonal: 2,
    });

    const old = await reportRow('old');
    expect([old.reporter_name, old.reporter_phone, old.reporter_email]).toEqual([null, null, null]);
    // The ticket, its category, place, dates, figures and text stay as they were.
    const keep = ({ reporter_name, reporter_phone, reporter_email, ...rest }: Record<string, unknown>) => rest;
    expect(keep(old)).toEqual(keep(oldBefore));
    for (const key of ['recent', 'open']) expect((await reportRow(key)).reporter_phone).toBe(PHONE);

    const callers = await sql.query(`SELECT report_id FROM report_caller WHERE phone = $1`, [CALLER]);
    expect(callers.rows.map((r) => r.report_id)).toEqual([ids.recent]);
    const recipients = await sql.query(`SELECT dedupe_key, recipient FROM notification WHERE dedupe_key LIKE 'rt:%' ORDER BY dedupe_key`);
    expect(recipients.rows).toEqual([
      { dedupe_key: 'rt:old', recipient: '' },
      { dedupe_key: 'rt:recent', recipient: PHONE },
    ]);
    const photos = await sql.query(`SELECT storage_key FROM attachment WHERE storage_key LIKE 'rt/%' ORDER BY 1`);
    expect(photos.rows.map((r) => r.storage_key)).toEqual(['rt/old-resolution.jpg', 'rt/recent-citizen.jpg', 'rt/recent-resolution.jpg']);
    expect(existsSync(join(storageDir, 'rt/old-citizen.jpg'))).toBe(false);
    expect(existsSync(join(storageDir, 'rt/old-resolution.jpg'))).toBe(true);
    const sessions = await sql.query(`SELECT refresh_hash, ip, user_agent FROM user_session WHERE refresh_hash IN ('h1', 'h2') ORDER BY 1`);
    expect(sessions.rows).toEqual([
      { refresh_hash: 'h1', ip: null, user_agent: null },
      { refresh_hash: 'h2', ip: '203.0.113.20', user_agent: 'Chrome' },
    ]);

    // The searched number and the sign-in address of three days ago are blank; the recent ones are kept.
    const audit = await sql.query(`SELECT subject, ip, erased_at IS NOT NULL AS erased FROM audit_event_personal ORDER BY event_id`);
    expect(audit.rows).toEqual([
      { subject: null, ip: null, erased: true },
      { subject: CALLER, ip: null, erased: false },
      { subject: null, ip: null, erased: true },
      // The leader's sign-in of this test, just now.
      { subject: null, ip: '127.0.0.1', erased: false },
    ]);
    const events = await sql.query(
      `SELECT type, subject FROM audit_event WHERE type IN ('caller_history_searched', 'sign_in_failed') ORDER BY id`,
    );
    expect(events.rows).toHaveLength(3);

    // A second run finds nothing left to do and changes nothing.
    expect(await apply()).toEqual({
      reporterContact: 0,
      callerNumbers: 0,
      closedTicketPhotos: 0,
      notificationLog: 0,
      loginRecords: 0,
      auditPersonal: 0,
    });
    expect(await reportRow('old')).toEqual(old);

    // Each run is on the audit trail, with its counts and never a value it removed.
    const runs = await sql.query(`SELECT actor_user_id, subject, data FROM audit_event WHERE type = 'retention_applied' ORDER BY id`);
    expect(runs.rows).toHaveLength(2);
    expect(runs.rows[0]).toMatchObject({
      actor_user_id: null,
      subject: 'retention',
      data: { counts: { reporterContact: 1, loginRecords: 1 } },
    });
    const erasures = await sql.query(
      `SELECT result_count AS n, data->>'reason' AS reason FROM audit_event WHERE type = 'personal_data_erased' ORDER BY id`,
    );
    expect(erasures.rows).toEqual([
      { n: 2, reason: 'retention' },
      { n: 0, reason: 'retention' },
    ]);
    const trail = JSON.stringify([...runs.rows, ...erasures.rows]);
    for (const value of [PHONE, EMAIL, NAME, CALLER, '203.0.113.19', '198.51.100.19', 'Firefox']) expect(trail).not.toContain(value);

    // Still counted: the leaders' ward figures and the public map's are what they were.
    expect(await figures()).toEqual(before);
  });
});
