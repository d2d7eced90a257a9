import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { forSuite } from '../../testing/for-suite';
import { createTestHttpApp } from '../../testing/http-app';
import { callApi } from '../../testing/http-client';
import { setEnv } from '../../testing/process-env';
import { TestS3Server } from '../../testing/s3-server';
import { ATTACHMENT_STORAGE, AttachmentStorage } from './attachment-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';
import { AttachmentsService, UNCLAIMED_UPLOAD_TTL_MS } from './attachments.service';

// Chợ Bến Thành: inside Phường Bến Thành.
const BEN_THANH = { lat: 10.7725, lng: 106.6981 };

interface Store {
  env: Record<string, string>;
  /** The driver the application must have picked from `env`. */
  driver: new (...args: never[]) => AttachmentStorage;
  close(): Promise<void>;
}

// The same API application on each driver, chosen by its settings as in production.
const STORES: [string, () => Promise<Store>][] = [
  [
    'local disk',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'hcmc1022-photos-'));
      return {
        env: { STORAGE_DRIVER: 'local', STORAGE_DIR: dir },
        driver: LocalDiskStorage,
        close: () => rm(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'S3',
    async () => {
      const s3 = await TestS3Server.start();
      return { env: s3.env, driver: S3Storage, close: () => s3.stop() };
    },
  ],
];

const photo = (seed: number) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: seed % 256, g: 80, b: 160 } } })
    .png()
    .toBuffer();

async function read(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each(STORES)('photos through the API on %s: upload, attach, fetch, purge, delete', (_name, openStore) => {
  const suite = forSuite(
    async () => {
      const store = await openStore();
      const restoreEnv = setEnv(store.env);
      try {
        const app = await createTestHttpApp();
        return { store, app, restoreEnv };
      } catch (err) {
        restoreEnv();
        await store.close();
        throw err;
      }
    },
    async ({ store, app, restoreEnv }) => {
      await app.close();
      restoreEnv();
      await store.close();
    },
  );
  const app = (): NestFastifyApplication => suite().app;
  const db = () => app().get<DataSource>(getDataSourceToken());
  const storage = () => app().get<AttachmentStorage>(ATTACHMENT_STORAGE);
  const keyOf = async (table: 'upload' | 'attachment', id: string): Promise<string | undefined> =>
    (await db().query(`SELECT storage_key FROM ${table} WHERE id = $1`, [id]))[0]?.storage_key;

  async function upload(bytes: Buffer): Promise<{ id: string; sizeBytes: number }> {
    const boundary = `----hcmc1022${randomUUID()}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  it('serves an uploaded photo, then the same bytes once attached to a report, publicly cacheable', async () => {
    expect(storage()).toBeInstanceOf(suite().store.driver);
    const up = await upload(await photo(1));
    expect(await storage().get((await keyOf('upload', up.id))!)).not.toBeNull();
    const before = await app().inject({ method: 'GET', url: `/api/v1/attachments/${up.id}` });
    expect(before.statusCode).toBe(200);
    expect(before.headers['content-type']).toBe('image/png');
    expect(before.rawPayload.length).toBe(up.sizeBytes);

    const report = await callApi(app(), 'POST', '/api/v1/reports', undefined, {
      category: 'pothole',
      ...BEN_THANH,
      description: `Ổ gà có ảnh ${randomUUID()}`,
      photos: [up.id],
    });
    expect(report.status).toBe(201);

    const after = await app().inject({ method: 'GET', url: `/api/v1/attachments/${up.id}` });
    expect(after.statusCode).toBe(200);
    expect(after.headers['content-type']).toBe('image/png');
    expect(after.headers['cache-control']).toBe('public, max-age=86400, immutable');
    expect(after.rawPayload.equals(before.rawPayload)).toBe(true);
    const key = (await keyOf('attachment', up.id))!;
    expect((await read((await storage().get(key))!.body)).equals(after.rawPayload)).toBe(true);
  });

  it('purges an upload no report claimed, row and object, and keeps a fresh one', async () => {
    const [stale, fresh] = [await upload(await photo(2)), await upload(await photo(3))];
    const staleKey = (await keyOf('upload', stale.id))!;
    await db().query(`UPDATE upload SET created_at = now() - interval '25 hours' WHERE id = $1`, [stale.id]);

    const purged = await app()
      .get(AttachmentsService)
      .purgeUnclaimedUploads(new Date(Date.now() - UNCLAIMED_UPLOAD_TTL_MS));
    expect(purged).toBeGreaterThanOrEqual(1);

    expect((await app().inject({ method: 'GET', url: `/api/v1/attachments/${stale.id}` })).statusCode).toBe(404);
    await expect(storage().get(staleKey)).resolves.toBeNull();
    expect((await app().inject({ method: 'GET', url: `/api/v1/attachments/${fresh.id}` })).statusCode).toBe(200);
  });

  it("deletes a citizen's photo of a report that ended past retention, row and object", async () => {
    const up = await upload(await photo(4));
    const report = await callApi(app(), 'POST', '/api/v1/reports', undefined, {
      category: 'pothole',
      ...BEN_THANH,
      description: `Ổ gà đã xử lý xong ${randomUUID()}`,
      photos: [up.id],
    });
    expect(report.status).toBe(201);
    const key = (await keyOf('attachment', up.id))!;
    expect(await storage().get(key)).not.toBeNull();
    // Closed long ago: what the retention job looks for.
    await db().query(`UPDATE report SET status = 'closed', closed_at = now() - interval '400 days' WHERE id = $1`, [report.body.id]);

    await expect(
      app()
        .get(AttachmentsService)
        .deleteCitizenPhotosOfReportsEndedBefore(new Date(Date.now() - 180 * 86_400_000)),
    ).resolves.toBeGreaterThanOrEqual(1);

    expect(await keyOf('attachment', up.id)).toBeUndefined();
    await expect(storage().get(key)).resolves.toBeNull();
    expect((await app().inject({ method: 'GET', url: `/api/v1/attachments/${up.id}` })).statusCode).toBe(404);
  });
});
