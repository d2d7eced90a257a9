import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { S3Settings } from '../../engine/config/app-config';
import { AttachmentStorage, isStorageKey, StoredObject } from './attachment-storage';

export function createS3Client(s: S3Settings): S3Client {
  return new S3Client({
    region: s.region,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    forcePathStyle: s.forcePathStyle,
    ...(s.credentials ? { credentials: s.credentials } : {}),
    // Since 2025 the SDK adds CRC32 checksums (and a checksum-mode header on reads) to every call;
    // S3-compatible stores that predate them refuse the request or its signature. The photo's
    // SHA-256 is already in its row, so only the checksums S3 itself requires are sent.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that stops answering fails the upload or the download instead of holding it open:
    // 5 s to connect, 30 s to the response's headers (an error, not the SDK's default warning),
    // then 30 s of silence at most while the body streams, so a slow but moving download goes on.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true, socketTimeout: 30_000 },
  });
}

/**
 * One object per key in one bucket of an S3-compatible store (config STORAGE_DRIVER=s3). A
 * PutObject is atomic (a reader sees the old object or the whole new one) and DeleteObject of a
 * missing key succeeds, which is what AttachmentStorage asks of every driver.
 */
export class S3Storage implements AttachmentStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: checked(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checked(key) }));
      // In Node the body is the response's IncomingMessage: bytes stream to the client as they come.
      if (!(out.Body instanceof Readable)) throw new Error(`S3 GetObject ${key}: no readable body`);
      return { body: out.Body, contentType: out.ContentType ?? 'application/octet-stream', sizeBytes: out.ContentLength ?? 0 };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checked(key) }));
  }
}

// Same rule as on disk: keys come from the server, so a bad one is a bug, refused before any call.
function checked(key: string): string {
  if (!isStorageKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  return key;
}

function isMissing(err: unknown): boolean {
  if (err instanceof NoSuchKey) return true;
  // A missing bucket is a setting to fix, not a missing photo.
  return err instanceof S3ServiceException && err.name !== 'NoSuchBucket' && err.$metadata.httpStatusCode === 404;
}
