import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import { adminUnitsStep } from '../../../../../seed/src/admin-units.seed';
import { businessCalendarStep } from '../../../../../seed/src/business-calendar.seed';
import { categoriesStep } from '../../../../../seed/src/categories.seed';
import { demoUsersStep } from '../../../../../seed/src/demo-users.seed';
import { handlingUnitsStep } from '../../../../../seed/src/handling-units.seed';
import { ClockModule } from '../../../engine/clock/clock.module';
import { ConfigModule } from '../../../engine/config/config.module';
import { DatabaseModule } from '../../../engine/database/database.module';
import { QueueModule } from '../../../engine/queue/queue.module';
import { QueueName } from '../../../engine/queue/queue-name';
import { RedisModule } from '../../../engine/redis/redis.module';
import { createTestHttpApp } from '../../../testing/http-app';
import { callApi, demoTokens } from '../../../testing/http-client';
import { redisTexts } from '../../../testing/personal-value-search';
import { deleteRedisKeys, setEnv } from '../../../testing/process-env';
import { createScratchDatabase, ScratchDatabase } from '../../../testing/scratch-database';
import { TEST_REDIS_URL } from '../../../testing/test-env';
import { AttachmentsService } from '../../attachments/attachments.service';
import { InsightsFiguresRepository } from '../../insights/insights-figures.repository';
import { MapsRepository } from '../../maps/maps.repository';
import { tileOf } from '../../maps/tile-grid';
import { RoutingService } from '../../routing/routing.service';
import { PrivacyModule } from '../privacy.module';
import { PersonalDataErasureService } from './personal-data-erasure.service';
import { ERASED_MARKER } from './subject-text';

@Module({ imports: [ConfigModule, DatabaseModule, RedisModule, QueueModule, ClockModule, PrivacyModule] })
class ErasureContextModule {}

const stamp = `${Date.now()}`.slice(-7);
const letters = stamp.replace(/\d/g, (d) => 'bcdghklmnq'[Number(d)]);
const PHONE = `09${stamp}1`; // 0 9 + 7 + 1: ten digits, as the intake normalises
const SPACED = `${PHONE.slice(0, 4)} ${PHONE.slice(4, 7)} ${PHONE.slice(7)}`;
const DASHED = `${PHONE.slice(0, 3)}-${PHONE.slice(3, 6)}-${PHONE.slice(6)}`;
const INTERNATIONAL = `+84${PHONE.slice(1)}`;
const DOTTED = `${PHONE.slice(0, 4)}.${PHONE.slice(4, 7)}.${PHONE.slice(7)}`;
const NAME = `Phạm Thị ${letters[0].toUpperCase()}${letters.slice(1)}`;
const EMAIL = `xoa.${letters}@example.vn`;
const OTHER_PHONE = `08${stamp}2`;
const PLACE = { lat: 10.7725, lng: 106.6981 }; // Bến Thành: UBND-26743 handles ward categories

/** Every way the seeded values could still be somewhere, as raw text (lower-cased) and as digits. */
const TEXT_NEEDLES = [letters, EMAIL.split('@')[0], SPACED, DASHED, DOTTED, INTERNATIONAL].map((s) => s.toLowerCase());
const DIGITS = PHONE.slice(1); // the number without its 0 / 84: catches every spelling once separators go

function found(text: string): string[] {
  const lower = text.toLowerCase();
  const bare = lower.replace(/[\s.()\-+]/g, '');
  return [...TEXT_NEEDLES.filter((n) => lower.includes(n)), ...(bare.includes(DIGITS) ? [DIGITS] : [])];
}

/**
 * Erasure of one data subject against the real database, Redis and local-disk storage: reports are
 * filed through the real intake (web form with a photo, call centre), handled with notes, replies
 * and a caller attached, all naming the subject in several spellings; after `eraseSubject` no
 * table, stored file, Redis key or queue payload holds any of the values, the tickets still count
 * and are still on the map; a second run changes nothing; and after a "restored backup" brings the
 * values back, replaying the erasure log removes them again.
 */
describe('erasure of a data subject (in-process HTTP, real PostgreSQL, Redis and storage)', () => {
  let db: ScratchDatabase;
  let sql: Client;
  let dir: string;
  let app: NestFastifyApplication;
  let erasure: INestApplicationContext;
  let service: PersonalDataErasureService;
  let redis: Redis;
  let restoreEnv: () => void;
  let tokens: Record<string, string>;
  const prefix = `{erasure${process.pid}}`;
  const ids: Record<'web' | 'phone' | 'other', { id: string; code: string }> = {} as never;
  let photoKey = '';
  let beforeErasure: Date;
  const saved: Record<string, unknown[]> = {};

  const call = (method: 'GET' | 'POST', url: string, who?: string, payload?: object, headers: Record<string, string> = {}) =>
    callApi(app, method, url, who && tokens[who], payload, headers);

  /** Every row of every table, as text, that holds a seeded value: `table: needle`. */
  async function inDatabase(): Promise<string[]> {
    const { rows: tables } = await sql.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const hits: string[] = [];
    for (const { t } of tables) {
      const { rows } = await sql.query(`SELECT x::text AS row FROM ${t} x`);
      for (const { row } of rows) for (const needle of found(row)) hits.push(`${t}: ${needle}`);
    }
    return [...new Set(hits)];
  }

  async function inStorage(): Promise<string[]> {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    const hits: string[] = [];
    for (const f of files) {
      const path = join(f.parentPath, f.name);
      hits.push(...found(`${path} ${(await readFile(path)).toString('latin1')}`).map((n) => `${path}: ${n}`));
    }
    return hits;
  }

  async function inRedis(): Promise<string[]> {
    const hits: string[] = [];
    for (const { key, text } of await redisTexts(redis)) hits.push(...found(text).map((n) => `${key}: ${n}`));
    return hits;
  }

  async function inQueues(): Promise<string[]> {
    const hits: string[] = [];
    for (const name of Object.values(QueueName)) {
      const queue = erasure.get<Queue>(getQueueToken(name), { strict: false });
      const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'failed', 'completed', 'active'], 0, -1);
      for (const job of jobs)
        hits.push(...found(JSON.stringify([job.data, job.returnvalue, job.failedReason])).map((n) => `${name}: ${n}`));
    }
    return hits;
  }

  const receivedByUnits = async () =>
    (
      await app.get(InsightsFiguresRepository).unitCounts({
        from: new Date(Date.now() - 86_400_000),
        to: new Date(Date.now() + 86_400_000),
        kind: null,
        filter: { group: null, categories: null, unitId: null },
      })
    ).reduce((n, u) => n + u.received, 0);
  const onMap = async (code: string) => {
    const t = tileOf(16, PLACE.lat, PLACE.lng);
    const tile = await app
      .get(MapsRepository)
      .points(
        { z: t.z, x: t.x, y: t.y },
        { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) },
        { categories: null, group: null, unit: null, statuses: null, sla: null },
      );
    return tile.includes(Buffer.from(code));
  };

  beforeAll(async () => {
    [db, dir] = await Promise.all([createScratchDatabase({ migrate: true }), mkdtemp(join(tmpdir(), 'hcmc1022-erasure-'))]);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query('BEGIN');
    for (const step of [adminUnitsStep, handlingUnitsStep, categoriesStep, businessCalendarStep, demoUsersStep]) await step.run(sql);
    await sql.query('COMMIT');
    restoreEnv = setEnv({ DATABASE_URL: db.url, STORAGE_DIR: dir, QUEUE_PREFIX: prefix });
    app = await createTestHttpApp();
    erasure = await NestFactory.createApplicationContext(ErasureContextModule, { logger: false });
    service = erasure.get(PersonalDataErasureService);
    redis = new Redis(TEST_REDIS_URL);
    tokens = await demoTokens(app, ['operator', 'ward.benthanh']);

    // The web form, with a photo, the subject's contact and their values typed into the text.
    const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 10, g: 20, b: 30 } } })
      .jpeg()
      .toBuffer();
    const upload = await app.get(AttachmentsService).upload(photo);
    const web = await call('POST', '/api/v1/reports', undefined, {
      category: 'illegal-construction',
      ...PLACE,
      description: `Nhà bên cạnh xây lấn hẻm. Tôi là ${NAME}, gọi ${SPACED}; xe 51F-123.45 đậu chắn lối`,
      address: `Hẻm 5 Lê Lợi, ĐT ${INTERNATIONAL}`,
      reporter: { name: NAME, phone: DASHED, email: EMAIL.toUpperCase(), hideIdentity: false },
      photos: [upload.id],
      consent: true,
    });
    expect(web.status).toBe(201);
    ids.web = web.body;
    photoKey = (await sql.query(`SELECT storage_key FROM attachment WHERE report_id = $1`, [web.body.id])).rows[0].storage_key;
    await app.get(RoutingService).routeNew(web.body.id);
    const version = async (id: string) => (await sql.query(`SELECT version FROM report WHERE id = $1`, [id])).rows[0].version;
    const accepted = await call('POST', `/api/v1/reports/${web.body.id}/actions/accept`, 'ward.benthanh', {
      version: await version(web.body.id),
    });
    expect(accepted.status).toBe(200);
    const asked = await call('POST', `/api/v1/reports/${web.body.id}/actions/request-info`, 'ward.benthanh', {
      version: await version(web.body.id),
      publicMessage: `Chị ${NAME.toUpperCase()} vui lòng gửi thêm ảnh`,
      internalNote: `Đã gọi ${DOTTED}, chị ${NAME} hẹn chiều`,
    });
    expect(asked.status).toBe(200);
    const replied = await call(
      'POST',
      `/api/v1/track/${web.body.code}/reply`,
      undefined,
      { message: `Tôi gửi ảnh qua ${EMAIL}` },
      {
        'x-reporter-secret': web.body.reporterSecret,
      },
    );
    expect(replied.status).toBe(200);
    expect((await call('POST', `/api/v1/reports/${web.body.id}/notes`, 'ward.benthanh', { message: `Gặp ${NAME} tại chỗ` })).status).toBe(
      201,
    );

    // The call centre: the subject phones in another report.
    const phoned = await call('POST', '/api/v1/reports', 'operator', {
      category: 'illegal-construction',
      lat: PLACE.lat + 0.0005,
      lng: PLACE.lng,
      description: `Bà ${NAME} gọi báo công trình làm ồn ban đêm`,
      reporter: { phone: PHONE, name: NAME, hideIdentity: false },
      channel: 'phone',
    });
    expect(phoned.status).toBe(201);
    ids.phone = phoned.body;

    // The operator looked the caller's number up (the audit trail keeps who searched what).
    expect((await call('GET', `/api/v1/callers/${PHONE}/reports`, 'operator')).status).toBe(200);

    // Somebody else's report, which the subject called about: attached as a caller, named in a note.
    const other = await call('POST', '/api/v1/reports', undefined, {
      category: 'illegal-construction',
      lat: PLACE.lat,
      lng: PLACE.lng + 0.0005,
      description: 'Công trình không che chắn, bụi bay sang nhà dân',
      reporter: { phone: OTHER_PHONE, hideIdentity: false },
      consent: true,
    });
    expect(other.status).toBe(201);
    ids.other = other.body;
    const attached = await call('POST', `/api/v1/reports/${other.body.id}/callers`, 'operator', {
      phone: INTERNATIONAL,
      name: NAME,
      note: `Người gọi để lại số ${DOTTED}`,
    });
    expect(attached.status).toBe(201);
    await app.get(RoutingService).routeNew(other.body.id);
    await call('POST', `/api/v1/reports/${other.body.id}/notes`, 'ward.benthanh', {
      message: `Hàng xóm ${NAME} (${SPACED}) cũng phản ánh`,
    });

    // Typed without diacritics, as often on a phone keyboard.
    const plain = NAME.normalize('NFD').replace(/\p{M}/gu, '');
    expect(
      (await call('POST', `/api/v1/reports/${other.body.id}/notes`, 'ward.benthanh', { message: `Da goi lai cho ${plain}` })).status,
    ).toBe(201);

    // A job from an older version that carried a number (jobs carry ids only now).
    await erasure
      .get<Queue>(getQueueToken(QueueName.Notifications), { strict: false })
      .add('legacy-sms', { to: PHONE }, { delay: 3_600_000 });

    for (const [table, where] of [
      ['report', `id = ANY($1::uuid[])`],
      ['report_caller', `report_id = ANY($1::uuid[])`],
      ['attachment', `report_id = ANY($1::uuid[])`],
      ['notification', `report_id = ANY($1::uuid[])`],
      ['reporter_secret', `report_id = ANY($1::uuid[])`],
      ['report_event_personal', `event_id IN (SELECT id FROM report_event WHERE report_id = ANY($1::uuid[]))`],
      ['audit_event_personal', `subject = ANY($1::text[])`],
    ])
      saved[table] = (
        await sql.query(`SELECT to_jsonb(x) AS row FROM ${table} x WHERE ${where}`, [
          table === 'audit_event_personal' ? [PHONE] : Object.values(ids).map((r) => r.id),
        ])
      ).rows.map((r) => r.row);
    beforeErasure = new Date(Date.now() - 1000);
  }, 120_000);

  afterAll(async () => {
    await erasure?.close();
    await app?.close();
    restoreEnv?.();
    await redis?.quit();
    await deleteRedisKeys(TEST_REDIS_URL, prefix);
    await sql?.end();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the seeded values everywhere the filing and handling put them, before the erasure', async () => {
    const hits = await inDatabase();
    for (const table of ['report', 'report_caller', 'notification', 'report_event_personal', 'audit_event_personal'])
      expect(hits.filter((h) => h.startsWith(`${table}:`)).length).toBeGreaterThan(0);
    expect(existsSync(join(dir, photoKey))).toBe(true);
    expect(await inQueues()).not.toEqual([]);
    expect(await onMap(ids.web.code)).toBe(true);
  });

  it('leaves none of them in any table, file, Redis key or queue; the tickets still count and are on the map', async () => {
    const counted = await receivedByUnits();
    const outcome = await service.eraseSubject(
      { phones: [PHONE], emails: [EMAIL.toUpperCase()], names: [NAME], reportIds: [] },
      { requestId: 'REQ-ERASE-1', reason: 'erasure request of the data subject', actorUserId: null },
    );
    expect(outcome).toMatchObject({ reports: 2, photosDeleted: 1, jobsPurged: 1 });
    expect(outcome.notificationsPurged).toBeGreaterThanOrEqual(1);
    expect(outcome.textsRedacted).toBeGreaterThanOrEqual(8);
    expect(outcome.fieldsBlanked).toBeGreaterThanOrEqual(6);

    expect(await inDatabase()).toEqual([]);
    expect(await inStorage()).toEqual([]);
    expect(existsSync(join(dir, photoKey))).toBe(false);
    expect(await inRedis()).toEqual([]);
    expect(await inQueues()).toEqual([]);

    expect(await receivedByUnits()).toBe(counted);
    expect(await onMap(ids.web.code)).toBe(true);
    expect(await onMap(ids.phone.code)).toBe(true);
    const tracked = await call('GET', `/api/v1/track/${ids.web.code}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.status).toBe('in_progress');
  });

  it('shows the marker where the values were, keeps the rest of the text and other people’s data', async () => {
    const view = await call('GET', `/api/v1/reports/${ids.web.id}`, 'ward.benthanh');
    expect(view.body.description).toBe(
      `Nhà bên cạnh xây lấn hẻm. Tôi là ${ERASED_MARKER}, gọi ${ERASED_MARKER}; xe ${ERASED_MARKER} đậu chắn lối`,
    );
    expect(view.body.reporter).toBeNull(); // no contact left to show
    const notes = view.body.timeline.filter((e: { type: string }) => e.type === 'note').map((e: { message: string }) => e.message);
    expect(notes).toEqual(expect.arrayContaining([`Gặp ${ERASED_MARKER} tại chỗ`]));
    const other = await call('GET', `/api/v1/reports/${ids.other.id}`, 'ward.benthanh');
    const [kept] = (
      await sql.query(`SELECT reporter_phone AS phone, follower_count AS followers FROM report WHERE id = $1`, [ids.other.id])
    ).rows;
    expect(kept).toEqual({ phone: OTHER_PHONE, followers: 1 });
    expect(other.body.timeline.map((e: { message: string | null }) => e.message)).toContain(`Hàng xóm ${ERASED_MARKER} cũng phản ánh`);
    const [log] = (await sql.query(`SELECT request_id, actions::text AS actions FROM erasure_log`)).rows;
    expect(log.request_id).toBe('REQ-ERASE-1');
    expect(found(log.actions)).toEqual([]);
    const [trace] = (await sql.query(`SELECT data FROM audit_event WHERE type = 'personal_data_erased' AND subject = 'data_subject'`)).rows;
    expect(trace.data).toMatchObject({ requestId: 'REQ-ERASE-1', counts: outcomeShape });
  });

  it('changes nothing when run again, but retries the photos the first run left', async () => {
    const snapshot = async () =>
      (
        await sql.query(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM (
           SELECT to_jsonb(r) - 'updated_at' AS x FROM report r UNION ALL SELECT to_jsonb(c) FROM report_caller c
           UNION ALL SELECT to_jsonb(n) FROM notification n UNION ALL SELECT to_jsonb(p) FROM report_event_personal p
           UNION ALL SELECT to_jsonb(a) FROM attachment a) s`)
      ).rows[0].h;
    const before = await snapshot();
    // As if the first run's delete of the photo had failed after its commit.
    await writeFile(join(dir, photoKey), 'left behind');
    const again = await service.eraseSubject(
      { phones: [PHONE], emails: [EMAIL], names: [NAME], reportIds: [ids.web.id, ids.phone.id] },
      { requestId: 'REQ-ERASE-1', reason: 'retried', actorUserId: null },
    );
    expect(again).toEqual({ reports: 2, fieldsBlanked: 0, textsRedacted: 0, photosDeleted: 0, jobsPurged: 0, notificationsPurged: 0 });
    expect(await snapshot()).toBe(before);
    expect(existsSync(join(dir, photoKey))).toBe(false);
  });

  it('erases again from the log what a restored backup brought back', async () => {
    // The backup as it was before the erasure: rows and the photo come back.
    await sql.query(`ALTER TABLE report_event_personal DISABLE TRIGGER tr_report_event_personal_only_redact`);
    await sql.query(`ALTER TABLE audit_event_personal DISABLE TRIGGER tr_audit_event_personal_only_blank`);
    try {
      for (const row of saved.audit_event_personal as Record<string, unknown>[])
        await sql.query(
          `UPDATE audit_event_personal p SET subject = s.subject, erased_at = NULL
             FROM jsonb_populate_record(null::audit_event_personal, $1) s WHERE p.event_id = s.event_id`,
          [row],
        );
      for (const row of saved.report as Record<string, unknown>[])
        await sql.query(
          `UPDATE report r SET reporter_name = s.reporter_name, reporter_phone = s.reporter_phone, reporter_email = s.reporter_email,
                  description = s.description, address = s.address, attributes = s.attributes
             FROM jsonb_populate_record(null::report, $1) s WHERE r.id = s.id`,
          [row],
        );
      for (const table of ['report_caller', 'attachment', 'reporter_secret', 'notification', 'report_event_personal']) {
        const key = table === 'report_event_personal' ? 'event_id' : 'id';
        for (const row of saved[table] as Record<string, unknown>[]) {
          await sql.query(`DELETE FROM ${table} WHERE ${key}::text = $1 AND $2 <> 'report_event_personal'`, [String(row[key]), table]);
          if (table === 'report_event_personal')
            await sql.query(
              `UPDATE report_event_personal p SET message = s.message, data = s.data, redacted_at = NULL
                               FROM jsonb_populate_record(null::report_event_personal, $1) s WHERE p.event_id = s.event_id`,
              [row],
            );
          else await sql.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_record(null::${table}, $1)`, [row]);
        }
      }
    } finally {
      await sql.query(`ALTER TABLE report_event_personal ENABLE TRIGGER tr_report_event_personal_only_redact`);
      await sql.query(`ALTER TABLE audit_event_personal ENABLE TRIGGER tr_audit_event_personal_only_blank`);
    }
    await mkdir(join(dir, photoKey, '..'), { recursive: true });
    await writeFile(join(dir, photoKey), 'restored photo');
    expect((await inDatabase()).length).toBeGreaterThan(0);

    const replayed = await service.replaySince(beforeErasure);
    expect(replayed.erasures).toBe(2); // the erasure, and its harmless second run
    expect(replayed.objectsDeleted).toBe(1);
    expect(await inDatabase()).toEqual([]);
    expect(existsSync(join(dir, photoKey))).toBe(false);

    // And a second replay finds nothing more to do.
    expect(await service.replaySince(beforeErasure)).toMatchObject({ erasures: 2, fieldsBlanked: 0, rowsDeleted: 0, textsRedacted: 0 });
  });
});

const outcomeShape = {
  reports: 2,
  photosDeleted: 1,
  fieldsBlanked: expect.any(Number),
  textsRedacted: expect.any(Number),
  jobsPurged: 0,
  notificationsPurged: expect.any(Number),
};
