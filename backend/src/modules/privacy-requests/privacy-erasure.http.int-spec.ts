import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import Redis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { symbols } from 'pino';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../../engine/config/config.module';
import { DatabaseModule } from '../../engine/database/database.module';
import { createHttpApp } from '../../engine/http/http-app';
import { runJob } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { QueueModule } from '../../engine/queue/queue.module';
import { RedisModule } from '../../engine/redis/redis.module';
import { callApi, demoTokens } from '../../testing/http-client';
import { redisTexts } from '../../testing/personal-value-search';
import { setEnv } from '../../testing/process-env';
import { TEST_REDIS_URL } from '../../testing/test-env';
import { PrivacyRequestsWorkerModule } from './privacy-requests-worker.module';
import { PrivacyRequestsProcessor } from './privacy-requests.processor';

const OPEN = 'client=1000000/60,global=1000000/60,user=1000000/60';
const PLACE = { lat: 10.7791, lng: 106.6958, ward: '26740' };
const stamp = `${Date.now()}`.slice(-8);
const letters = stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

/** Recognisable values of one person, unique to this run. */
const SUBJECT = {
  name: `Xóa Sạch ${letters} Thu`,
  phone: `093${stamp.slice(0, 7)}`,
  email: `xoa.sach.${letters}@example.com`,
};
/** Where the problem is: the ticket's place, which stays (masked on public pages, needed by the figures). */
const ADDRESS = `Hẻm ${stamp.slice(0, 3)} trước chợ`;
/** Each value as written; a phone also without its leading 0 (so +84… is caught too). */
const NEEDLES = [SUBJECT.name, SUBJECT.phone, SUBJECT.phone.slice(1), SUBJECT.email];

function found(text: string): string[] {
  const lower = text.toLowerCase();
  return NEEDLES.filter((v) => lower.includes(v.toLowerCase()));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The right to erasure, end to end over HTTP: a person files through the web form (with a photo),
 * calls the call centre about another report, is named in staff notes; they verify, download
 * their data as JSON and HTML (both hold the values), and ask for erasure. After the worker's job
 * the database (every text column of every table), the storage directory, Redis and the API's log
 * lines hold none of the values — and the tickets still count in the figures and the public map.
 */
describe('privacy: erasure of a data subject leaves nothing of them anywhere (in-process HTTP + worker job)', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let restoreEnv: () => void;
  let tokens: Record<string, string>;
  const storageDir = mkdtempSync(join(tmpdir(), 'hcmc1022-erasure-'));
  const logLines: string[] = [];
  const filed: { id: string; code: string; secret: string }[] = [];

  beforeAll(async () => {
    restoreEnv = setEnv({
      RATE_LIMIT_PRIVACY_CODE: `account=1000000/60,${OPEN}`,
      RATE_LIMIT_PRIVACY_ACCESS: OPEN,
      STORAGE_DIR: storageDir,
    });
    // The production logger at its most talkative, writing to this suite.
    app = await createHttpApp();
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const root = PinoLogger.root as unknown as Record<symbol, unknown> & { level: string };
    root.level = 'trace';
    root[symbols.streamSym] = { write: (line: string) => logLines.push(line) };
    db = app.get(getDataSourceToken());
    tokens = await demoTokens(app, ['operator', 'admin', 'leader']);
    // The worker's wiring of the erasure job.
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, QueueModule, PrivacyRequestsWorkerModule],
    }).compile();
    worker = await moduleRef.init();
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
    restoreEnv?.();
    rmSync(storageDir, { recursive: true, force: true });
  });

  async function upload(): Promise<string> {
    const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .png()
      .toBuffer();
    const boundary = `----erasure${stamp}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  // One window for both readings: the figures before and after must be equal.
  const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const figures = async () => {
    const ward = await callApi(app, 'GET', `/api/v1/insights/wards/${PLACE.ward}?from=${from}&to=${to}`, tokens.leader);
    const map = await callApi(app, 'GET', '/api/v1/public/insights/wards');
    expect([ward.status, map.status]).toEqual([200, 200]);
    return { ward: ward.body, map: map.body.wards.find((w: { code: string }) => w.code === PLACE.ward) };
  };

  /** Every row of every table whose text (any column cast to text) holds one of the values: `table.column`. */
  async function databaseHits(): Promise<string[]> {
    const columns: { t: string; c: string }[] = await db.query(
      `SELECT c.table_name AS t, c.column_name AS c
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED', 'inet')
          AND c.table_name NOT IN ('spatial_ref_sys', 'basemap_feature', 'admin_unit')`,
    );
    const hits: string[] = [];
    const patterns = NEEDLES.map((v) => `%${v.toLowerCase()}%`);
    for (const { t, c } of columns) {
      const rows: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM "${t}" WHERE lower("${c}"::text) LIKE ANY($1::text[])`, [
        patterns,
      ]);
      if (rows[0].n > 0) hits.push(`${t}.${c} (${rows[0].n})`);
    }
    return hits;
  }

  async function redisHits(): Promise<string[]> {
    const redis = new Redis(TEST_REDIS_URL);
    const hits: string[] = [];
    try {
      for (const { key, text } of await redisTexts(redis)) if (found(text).length) hits.push(key);
    } finally {
      redis.disconnect();
    }
    return hits;
  }

  it('downloads everything, erases it on request, and leaves the tickets in the figures', async () => {
    // The web form, with a photo and the subject's values also typed into the text.
    const photo = await upload();
    const web = await callApi(app, 'POST', '/api/v1/reports', undefined, {
      category: 'pothole',
      lat: PLACE.lat,
      lng: PLACE.lng,
      description: `Ổ gà sâu; gọi ${SUBJECT.name} số ${SUBJECT.phone} hoặc ${SUBJECT.email}`,
      address: ADDRESS,
      reporter: { name: SUBJECT.name, phone: SUBJECT.phone, email: SUBJECT.email, hideIdentity: false },
      photos: [photo],
      consent: true,
      channel: 'web',
    });
    expect(web.status).toBe(201);
    filed.push({ id: web.body.id, code: web.body.code, secret: web.body.reporterSecret });
    // Somebody else's report; the subject calls the call centre about it.
    const other = await callApi(app, 'POST', '/api/v1/reports', undefined, {
      category: 'pothole',
      lat: PLACE.lat,
      lng: PLACE.lng,
      description: 'Ổ gà lớn giữa đường, xe máy dễ té',
      consent: true,
    });
    expect(other.status).toBe(201);
    const caller = await callApi(app, 'POST', `/api/v1/reports/${other.body.id}/callers`, tokens.operator, {
      phone: SUBJECT.phone,
      name: SUBJECT.name,
      note: `Người gọi ${SUBJECT.name} cũng thấy, gọi lại ${SUBJECT.phone}`,
    });
    expect(caller.status).toBeLessThan(300);
    // Staff notes naming the subject, and the subject's own reply on their ticket (by the operator, for them).
    const note = await callApi(app, 'POST', `/api/v1/reports/${web.body.id}/notes`, tokens.admin, {
      message: `Đã gọi lại cho ${SUBJECT.name} (${SUBJECT.phone}, ${SUBJECT.email})`,
    });
    expect(note.status).toBe(201);
    const callerNote = await callApi(app, 'POST', `/api/v1/reports/${other.body.id}/notes`, tokens.admin, {
      message: `Người gọi ${SUBJECT.name} xác nhận ổ gà vẫn còn`,
    });
    expect(callerNote.status).toBe(201);
    const before = await figures();

    // The subject verifies with the private link, downloads the JSON and the HTML page.
    const granted = await callApi(app, 'POST', '/api/v1/privacy/access', undefined, {
      trackingCode: web.body.code,
      secret: web.body.reporterSecret,
    });
    expect(granted.status).toBe(200);
    const header = { 'x-privacy-access': granted.body.accessToken };
    const json = await callApi(app, 'GET', '/api/v1/privacy/my-data', undefined, undefined, header);
    expect(json.status).toBe(200);
    expect(found(json.text).sort()).toEqual([...NEEDLES].sort());
    expect(json.body.callerRecords).toMatchObject([
      { reportCode: other.body.code, personal: { phone: SUBJECT.phone, name: SUBJECT.name } },
    ]);
    expect(json.body.reports[0].photos).toMatchObject([{ id: photo, url: `/api/v1/attachments/${photo}` }]);
    const html = await app.inject({ method: 'GET', url: '/api/v1/privacy/my-data?format=html', headers: header });
    expect(html.statusCode).toBe(200);
    expect(found(html.body).sort()).toEqual([...NEEDLES].sort());
    const photoKey: { storage_key: string }[] = await db.query(`SELECT storage_key FROM attachment WHERE id = $1`, [photo]);
    expect(existsSync(join(storageDir, photoKey[0].storage_key))).toBe(true);

    // The erasure request, then the worker's job (the outbox relay's job: the request's id).
    const asked = await callApi(app, 'POST', '/api/v1/privacy/erasure-requests', undefined, { confirm: true }, header);
    expect(asked.status).toBe(202);
    const processor = worker.get(PrivacyRequestsProcessor);
    const job = { name: 'execute-erasure', id: `erasure-${asked.body.requestId}`, data: { id: asked.body.requestId } } as Job;
    expect(await runJob(processor, QueueName.PrivacyRequests, job)).toEqual({ status: 'completed' });
    // A retry of the job (a crash after the erasure, a duplicate) changes nothing.
    const afterFirst = await db.query(`SELECT outcome, handled_at FROM privacy_request WHERE id = $1`, [asked.body.requestId]);
    expect(await runJob(processor, QueueName.PrivacyRequests, job)).toEqual({ status: 'completed' });
    expect(await db.query(`SELECT outcome, handled_at FROM privacy_request WHERE id = $1`, [asked.body.requestId])).toEqual(afterFirst);
    expect(afterFirst[0].outcome).toMatchObject({ reports: 1, photosDeleted: 1 });

    // Nothing of the subject anywhere.
    expect(await databaseHits()).toEqual([]);
    expect(existsSync(join(storageDir, photoKey[0].storage_key))).toBe(false);
    const stored = filesUnder(storageDir).filter((f) => found(readFileSync(f, 'latin1')).length > 0);
    expect(stored).toEqual([]);
    expect(await redisHits()).toEqual([]);
    expect(logLines.filter((line) => found(line).length > 0)).toEqual([]);
    // Nor the secrets that opened the data: the access token and the reporter's secret.
    expect(logLines.filter((line) => line.includes(granted.body.accessToken) || line.includes(web.body.reporterSecret))).toEqual([]);
    // The token is void; the request is on the trail, handled, without the values.
    expect((await callApi(app, 'GET', '/api/v1/privacy/my-data', undefined, undefined, header)).status).toBe(401);
    const list = await callApi(app, 'GET', '/api/v1/admin/privacy-requests?status=completed', tokens.admin);
    expect(list.body.items.find((r: { id: string }) => r.id === asked.body.requestId)).toMatchObject({
      kind: 'erasure',
      channel: 'web_link',
      status: 'completed',
      overdue: false,
      subject: { phones: [], emails: [], name: null },
    });

    // The tickets stay: tracked publicly, counted in the leaders' figures and on the public map.
    expect((await callApi(app, 'GET', `/api/v1/track/${web.body.code}`)).status).toBe(200);
    const place = await db.query(`SELECT address, status FROM report WHERE id = $1`, [web.body.id]);
    expect(place).toEqual([{ address: ADDRESS, status: 'new' }]);
    expect(await figures()).toEqual(before);
  });
});
