import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { createScratchDatabase, ScratchDatabase } from '../../testing/scratch-database';
import { AttachmentsErrorCode } from './attachments.exception';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService, UNCLAIMED_UPLOAD_TTL_MS } from './attachments.service';
import { AttachmentStorage } from './attachment-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { createS3Client, S3Storage } from './s3.storage';
import { TestS3Server } from '../../testing/s3-server';

async function read(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const photo = (seed: number) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed % 256, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 46/1 0/1' } })
    .toBuffer();

interface Driver {
  storage: AttachmentStorage;
  close(): Promise<void>;
}

// Every driver behind the same service: files in a temp dir, objects in a private S3-compatible server.
const DRIVERS: [string, () => Promise<Driver>][] = [
  [
    'local disk',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'hcmc1022-uploads-'));
      return { storage: new LocalDiskStorage(dir), close: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'S3',
    async () => {
      const s3 = await TestS3Server.start();
      return { storage: new S3Storage(createS3Client(s3.settings), s3.settings.bucket), close: () => s3.stop() };
    },
  ],
];

describe.each(DRIVERS)('AttachmentsService (real PostgreSQL, photos on %s)', (_name, open) => {
  let db: ScratchDatabase;
  let driver: Driver;
  let service: AttachmentsService;

  beforeAll(async () => {
    [db, driver] = await Promise.all([createScratchDatabase({ migrate: true }), open()]);
    service = new AttachmentsService(new AttachmentsRepository(db.dataSource), driver.storage);
  });

  afterAll(async () => {
    await db?.drop();
    await driver?.close();
  });

  const stored = async (key: string) => {
    const object = await driver.storage.get(key);
    return object && read(object.body);
  };

  const row = async (id: string) => (await db.dataSource.query(`SELECT * FROM upload WHERE id = $1`, [id]))[0];
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { code?: string }) => e.code,
    );

  it('stores the re-encoded photo and its row, and serves the same bytes back', async () => {
    const up = await service.upload(await photo(1));

    expect(up).toMatchObject({ contentType: 'image/jpeg', width: 64, height: 48 });
    const r = await row(up.id);
    expect(r.storage_key).toMatch(new RegExp(`^\\d{4}/\\d{2}/\\d{2}/${up.id}\\.jpg$`));
    expect(r.claimed_at).toBeNull();
    const file = (await stored(r.storage_key))!;
    expect(file).not.toBeNull();
    expect(file.length).toBe(up.sizeBytes);
    expect(r.size_bytes).toBe(up.sizeBytes);
    expect(r.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect((await sharp(file).metadata()).exif).toBeUndefined();

    const served = await service.serve(up.id);
    if (served.notModified) throw new Error('expected the bytes');
    expect(served.contentType).toBe('image/jpeg');
    expect(served.cacheControl).toBe('private, max-age=3600');
    expect(served.fileName).toBe(`${up.id}.jpg`);
    expect((await read(served.body)).equals(file)).toBe(true);
    await expect(service.serve(up.id, `W/"x", ${served.etag}`)).resolves.toMatchObject({ notModified: true });
  });

  it('writes nothing for a rejected file', async () => {
    const before = Number((await db.dataSource.query(`SELECT count(*) AS n FROM upload`))[0].n);
    expect(await codeOf(service.upload(Buffer.from('%PDF-1.4 not a photo')))).toBe(AttachmentsErrorCode.UnsupportedType);
    expect(await codeOf(service.upload(Buffer.alloc(0)))).toBe(AttachmentsErrorCode.MissingFile);
    expect(await codeOf(service.upload(undefined))).toBe(AttachmentsErrorCode.MissingFile);
    expect(Number((await db.dataSource.query(`SELECT count(*) AS n FROM upload`))[0].n)).toBe(before);
  });

  it('answers not found for an unknown id, a claimed upload without attachment, and a row whose file is gone', async () => {
    expect(await codeOf(service.serve('00000000-0000-4000-8000-000000000000'))).toBe(AttachmentsErrorCode.NotFound);
    const claimed = await service.upload(await photo(2));
    await db.dataSource.query(`UPDATE upload SET claimed_at = now() WHERE id = $1`, [claimed.id]);
    expect(await codeOf(service.serve(claimed.id))).toBe(AttachmentsErrorCode.NotFound);
    const lost = await service.upload(await photo(3));
    await driver.storage.delete((await row(lost.id)).storage_key);
    expect(await codeOf(service.serve(lost.id))).toBe(AttachmentsErrorCode.NotFound);
  });

  it('purges unclaimed uploads older than the cutoff, rows and files, and only those', async () => {
    await db.dataSource.query(`DELETE FROM upload`);
    const [oldUnclaimed, oldClaimed, fresh] = await Promise.all([photo(4), photo(5), photo(6)].map(async (p) => service.upload(await p)));
    await db.dataSource.query(`UPDATE upload SET created_at = now() - interval '25 hours' WHERE id = ANY($1::uuid[])`, [
      [oldUnclaimed.id, oldClaimed.id],
    ]);
    await db.dataSource.query(`UPDATE upload SET claimed_at = now() WHERE id = $1`, [oldClaimed.id]);
    const keys = Object.fromEntries(
      await Promise.all([oldUnclaimed, oldClaimed, fresh].map(async (u) => [u.id, (await row(u.id)).storage_key])),
    );

    const cutoff = new Date(Date.now() - UNCLAIMED_UPLOAD_TTL_MS);
    await expect(service.purgeUnclaimedUploads(cutoff)).resolves.toBe(1);

    expect(await row(oldUnclaimed.id)).toBeUndefined();
    expect(await stored(keys[oldUnclaimed.id])).toBeNull();
    expect(await row(oldClaimed.id)).toBeDefined();
    expect(await stored(keys[oldClaimed.id])).not.toBeNull();
    expect(await row(fresh.id)).toBeDefined();
    expect(await stored(keys[fresh.id])).not.toBeNull();
    // Idempotent: a second run (or a second worker) finds nothing more.
    await expect(service.purgeUnclaimedUploads(cutoff)).resolves.toBe(0);
  });

  it('purges in batches until none is left', async () => {
    await db.dataSource.query(`DELETE FROM upload`);
    await db.dataSource.query(
      `INSERT INTO upload (storage_key, content_type, size_bytes, width, height, sha256, created_at)
       SELECT 'gone/' || g || '.jpg', 'image/jpeg', 1, 1, 1, repeat('0', 64), now() - interval '2 days' FROM generate_series(1, 1203) g`,
    );
    await expect(service.purgeUnclaimedUploads(new Date(Date.now() - UNCLAIMED_UPLOAD_TTL_MS))).resolves.toBe(1203);
    expect(Number((await db.dataSource.query(`SELECT count(*) AS n FROM upload`))[0].n)).toBe(0);
  });
});
