import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { isStorageKey, photoStorageKey } from './attachment-storage';
import { LocalDiskStorage } from './local-disk.storage';

async function read(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('LocalDiskStorage (real files in a temp dir)', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'hcmc1022-attachments-'));
    storage = new LocalDiskStorage(root);
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores and reads back the bytes, with the content type of the key', async () => {
    const bytes = randomBytes(300_000);
    await storage.put('2026/11/21/0b6c0c8e-5b1e-4c2e-9a59-2a3b0f1c1d10.jpg', bytes, 'image/jpeg');

    const got = await storage.get('2026/11/21/0b6c0c8e-5b1e-4c2e-9a59-2a3b0f1c1d10.jpg');
    expect(got).not.toBeNull();
    expect(got!.contentType).toBe('image/jpeg');
    expect(got!.sizeBytes).toBe(bytes.length);
    expect((await read(got!.body)).equals(bytes)).toBe(true);
    expect(await filesUnder(root)).toEqual([join(root, '2026/11/21/0b6c0c8e-5b1e-4c2e-9a59-2a3b0f1c1d10.jpg')]);
  });

  it('answers null for a key with no object', async () => {
    await expect(storage.get('2026/01/01/missing.png')).resolves.toBeNull();
  });

  it('deletes, and deleting again is not an error', async () => {
    await storage.put('a/b.webp', Buffer.from('x'), 'image/webp');
    await storage.delete('a/b.webp');
    await expect(storage.get('a/b.webp')).resolves.toBeNull();
    await expect(storage.delete('a/b.webp')).resolves.toBeUndefined();
  });

  it('replaces an object whole under concurrent writers and leaves no temp files', async () => {
    const versions = Array.from({ length: 8 }, () => randomBytes(512 * 1024));
    await Promise.all(versions.map((v) => storage.put('k/photo.png', v, 'image/png')));

    const stored = await read((await storage.get('k/photo.png'))!.body);
    expect(versions.some((v) => v.equals(stored))).toBe(true);
    expect(await filesUnder(root)).toEqual([join(root, 'k/photo.png')]);
  });

  it.each(['../escape.jpg', 'a/../../escape.jpg', '/etc/passwd', 'a\\b.jpg', '.hidden/x.jpg', 'a//b.jpg', '', 'a/b/'])(
    'refuses the key %j before touching the disk',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow('Invalid storage key');
      await expect(storage.get(key)).rejects.toThrow('Invalid storage key');
      await expect(storage.delete(key)).rejects.toThrow('Invalid storage key');
      expect(await filesUnder(root)).toEqual([]);
    },
  );
});

describe('photoStorageKey', () => {
  const id = '0b6c0c8e-5b1e-4c2e-9a59-2a3b0f1c1d10';

  it.each([
    ['2026-11-21T03:00:00Z', `2026/11/21/${id}.jpg`],
    // 17:30 UTC is 00:30 the next day in Hồ Chí Minh City (UTC+7).
    ['2026-11-20T17:30:00Z', `2026/11/21/${id}.jpg`],
    ['2026-12-31T16:59:59Z', `2026/12/31/${id}.jpg`],
    ['2026-12-31T17:00:00Z', `2027/01/01/${id}.jpg`],
  ])('dates %s in city time → %s', (at, key) => {
    expect(photoStorageKey(id, 'jpg', new Date(at))).toBe(key);
    expect(isStorageKey(key)).toBe(true);
  });
});
