import { ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createRedis } from '../../engine/redis/redis.module';
import { testConfig, TEST_REDIS_URL } from '../../testing/test-env';
import { AttachmentsErrorCode, AttachmentsException } from './attachments.exception';
import { UploadThrottleGuard } from './upload-throttle.guard';

function contextFor(ip: string, headers: Record<string, string>): ExecutionContext {
  const reply = { header: (k: string, v: string) => ((headers[k] = v), reply) };
  return { switchToHttp: () => ({ getRequest: () => ({ ip }), getResponse: () => reply }) } as unknown as ExecutionContext;
}

describe('UploadThrottleGuard (real Redis)', () => {
  let redis: Redis;

  beforeAll(() => {
    redis = createRedis(TEST_REDIS_URL, 'upload-throttle-spec');
  });
  afterAll(() => redis.quit());

  it('lets the limit through per address, then answers 429 with Retry-After', async () => {
    const prefix = `{upload-spec-${randomUUID()}}`;
    const guard = new UploadThrottleGuard(redis, testConfig({ QUEUE_PREFIX: prefix, UPLOAD_THROTTLE_LIMIT: '3', UPLOAD_THROTTLE_TTL_SECONDS: '600' }));
    const headers: Record<string, string> = {};
    for (let i = 0; i < 3; i++) await expect(guard.canActivate(contextFor('203.0.113.7', headers))).resolves.toBe(true);

    const error = await guard.canActivate(contextFor('203.0.113.7', headers)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentsException);
    expect((error as AttachmentsException).code).toBe(AttachmentsErrorCode.TooManyUploads);
    expect((error as AttachmentsException).kind).toBe('rate_limited');
    expect(Number(headers['retry-after'])).toBeGreaterThan(590);
    expect(Number(headers['retry-after'])).toBeLessThanOrEqual(600);

    // Another address has its own window.
    await expect(guard.canActivate(contextFor('203.0.113.8', {}))).resolves.toBe(true);
    await redis.del(`${prefix}:upload:203.0.113.7`, `${prefix}:upload:203.0.113.8`);
  });
});
