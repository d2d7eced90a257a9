import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Settings } from '../engine/config/app-config';

// s3rver ships no types; this is the part of its API the tests use.
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

/**
 * A private S3-compatible server (s3rver, in this process) on a free port with its objects in a
 * temp dir, and one bucket; it refuses an unknown access key id, as S3 does.
 */
export class TestS3Server {
  private constructor(
    private readonly server: S3rverInstance,
    private readonly dir: string,
    readonly settings: S3Settings,
  ) {}

  static async start(bucket = 'hcmc1022-test'): Promise<TestS3Server> {
    const dir = await mkdtemp(join(tmpdir(), 'hcmc1022-s3-'));
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: dir,
      configureBuckets: [{ name: bucket, configs: [] }],
    });
    const { port } = await server.run();
    return new TestS3Server(server, dir, {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'ap-southeast-1',
      bucket,
      // s3rver's built-in account.
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    });
  }

  /** The settings as environment variables, for an application booted against this server. */
  get env(): Record<string, string> {
    const s = this.settings;
    return {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: s.endpoint!,
      S3_REGION: s.region,
      S3_BUCKET: s.bucket,
      S3_ACCESS_KEY_ID: s.credentials!.accessKeyId,
      S3_SECRET_ACCESS_KEY: s.credentials!.secretAccessKey,
      S3_FORCE_PATH_STYLE: String(s.forcePathStyle),
    };
  }

  async stop(): Promise<void> {
    await this.server.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}
