import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { resetClock, shiftClock } from '../../testing/clock-shift';
import { createTestHttpApp } from '../../testing/http-app';
import { signIn } from '../../testing/http-client';
import { setEnv } from '../../testing/process-env';
import { TestRedisServer } from '../../testing/redis-server';
import { testConfig } from '../../testing/test-env';

const DAY = 86_400_000;

/**
 * A running API process moves its time forward when a test sets the offset in Redis: the
 * calendar page, which shows the current year by default, turns to a later year and back.
 */
describe('a clock jump on a running process (real PostgreSQL, its own Redis)', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let app: NestFastifyApplication;
  let token: string;
  const prefix = testConfig().redis.queuePrefix;
  let restoreEnv: (() => void) | undefined;

  beforeAll(async () => {
    redisServer = await TestRedisServer.start();
    redis = new Redis(redisServer.url);
    restoreEnv = setEnv({ REDIS_URL: redisServer.url });
    app = await createTestHttpApp();
    token = (await signIn(app, 'admin')).body.accessToken;
  });
  afterAll(async () => {
    await app?.close();
    restoreEnv?.();
    redis?.disconnect();
    await redisServer?.stop();
  });

  const shownYear = async (): Promise<number> => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/admin/calendar', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    return res.json().year;
  };
  const until = async (want: number): Promise<number> => {
    const deadline = Date.now() + 5000;
    let year = await shownYear();
    while (year !== want && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      year = await shownYear();
    }
    return year;
  };

  it('shows a later year after a jump of two years, and the present again once the offset is gone', async () => {
    const now = await shownYear();
    expect(now).toBe(Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date())));

    await shiftClock(redis, prefix, 2 * 366 * DAY);
    expect(await until(now + 2)).toBe(now + 2);

    await resetClock(redis, prefix);
    expect(await until(now)).toBe(now);
  });
});
