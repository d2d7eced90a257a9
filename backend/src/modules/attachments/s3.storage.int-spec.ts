import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { forSuite } from '../../testing/for-suite';
import { TestS3Server } from '../../testing/s3-server';
import { createS3Client, S3Storage } from './s3.storage';

async function read(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('S3Storage (an S3-compatible server on a free port)', () => {
  const s3 = forSuite(
    () => TestS3Server.start(),
    (s) => s.stop(),
  );
  const storage = () => new S3Storage(createS3Client(s3().settings), s3().settings.bucket);

  it('stores and streams back the bytes with the content type they were stored with', async () => {
    const bytes = randomBytes(2 * 1024 * 1024);
    await storage().put('2026/11/21/0b6c0c8e-5b1e-4c2e-9a59-2a3b0f1c1d10.webp', bytes, 'image/webp');

    const got = await storage().get('2026/11/21/0b6c0c8e-5b1e-4c2e-9a59-2a3b0f1c1d10.webp');
    expect(got).not.toBeNull();
    expect(got!.body).toBeInstanceOf(Readable);
    expect(got!.contentType).toBe('image/webp');
    expect(got!.sizeBytes).toBe(bytes.length);
    expect((await read(got!.body)).equals(bytes)).toBe(true);
  });

  it('answers null for a key with no object', async () => {
    await expect(storage().get('2026/01/01/missing.png')).resolves.toBeNull();
  });

  it('deletes, and deleting again is not an error', async () => {
    await storage().put('a/b.jpg', Buffer.from('x'), 'image/jpeg');
    await storage().delete('a/b.jpg');
    await expect(storage().get('a/b.jpg')).resolves.toBeNull();
    await expect(storage().delete('a/b.jpg')).resolves.toBeUndefined();
  });

  it('keeps one whole version under concurrent writers', async () => {
    const versions = Array.from({ length: 6 }, () => randomBytes(256 * 1024));
    await Promise.all(versions.map((v) => storage().put('k/photo.png', v, 'image/png')));

    const stored = await read((await storage().get('k/photo.png'))!.body);
    expect(versions.some((v) => v.equals(stored))).toBe(true);
  });

  it.each(['../escape.jpg', 'a/../../escape.jpg', '/etc/passwd', 'a\\b.jpg', '.hidden/x.jpg', 'a//b.jpg', '', 'a/b/'])(
    'refuses the key %j before calling the store',
    async (key) => {
      await expect(storage().put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow('Invalid storage key');
      await expect(storage().get(key)).rejects.toThrow('Invalid storage key');
      await expect(storage().delete(key)).rejects.toThrow('Invalid storage key');
    },
  );

  it('fails (never answers "no photo") when the bucket is missing or the credentials are wrong', async () => {
    const noBucket = new S3Storage(createS3Client(s3().settings), 'no-such-bucket');
    await expect(noBucket.get('a/b.jpg')).rejects.toMatchObject({ name: 'NoSuchBucket' });
    await expect(noBucket.put('a/b.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toMatchObject({ name: 'NoSuchBucket' });

    const wrongKey = new S3Storage(
      createS3Client({ ...s3().settings, credentials: { accessKeyId: 'NOT-AN-ACCOUNT', secretAccessKey: 'S3RVER' } }),
      s3().settings.bucket,
    );
    await storage().put('a/b.jpg', Buffer.from('x'), 'image/jpeg');
    await expect(wrongKey.get('a/b.jpg')).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    await expect(wrongKey.put('a/c.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
  });
});
