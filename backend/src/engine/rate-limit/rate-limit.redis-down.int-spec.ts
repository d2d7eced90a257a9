import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { createTestHttpAppOnOwnRedis, OwnRedisHttpApp } from '../../testing/http-app';
import { DEMO_PASSWORD } from '../../testing/http-client';
import { TestRedisServer } from '../../testing/redis-server';
import { BEN_THANH } from '../../testing/places';

const SETTINGS: Record<string, string> = {
  RATE_LIMIT_FILING: 'client=3/600,global=100000/600',
  RATE_LIMIT_LOGIN: 'account=100/600,client=100/600,global=100000/600',
};

describe('rate limits while Redis is away (own redis-server, killed)', () => {
  let own: OwnRedisHttpApp;
  let redis: TestRedisServer;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    own = await createTestHttpAppOnOwnRedis(SETTINGS);
    ({ app, redis } = own);
  });
  afterAll(async () => {
    await own?.close();
  });

  const file = (remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      remoteAddress,
      payload: { category: 'pothole', ...BEN_THANH, description: `Ổ gà sâu giữa làn đường ${randomUUID()}` },
      headers: { 'content-type': 'application/json' },
    });

  it('counts in Redis while it is up', async () => {
    expect((await file('203.0.113.90')).statusCode).toBe(201);
  });

  it('counts in the process when Redis stops answering (RATE_LIMIT_REDIS_TIMEOUT_MS), instead of hanging', async () => {
    redis.pause();
    try {
      expect((await file('203.0.113.94')).statusCode).toBe(201);
    } finally {
      redis.resume();
    }
  });

  it('answers sign-in promptly while Redis stops answering (a stalled node), with a decision, never a hang or a 500', async () => {
    const login = (password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '203.0.113.95', payload: { username: 'leader', password } });
    redis.pause();
    try {
      const started = Date.now();
      const answers = [(await login('not-it')).statusCode, (await login(DEMO_PASSWORD)).statusCode];
      const ms = Date.now() - started;
      expect(answers).toEqual([401, 200]);
      // Each Redis command of a sign-in gives up after RATE_LIMIT_REDIS_TIMEOUT_MS (250 ms); a
      // connection that waited for Redis would not answer at all while it is stopped.
      expect(ms).toBeLessThan(10_000);
    } finally {
      redis.resume();
    }
  });

  it('falls back to a per-process limit at once: filing still works, the limit still holds, never a 500', async () => {
    await redis.kill();
    const ip = '203.0.113.91';
    // Each answer is awaited: a limit that waited for Redis would hang here until the suite's timeout.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await file(ip)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await file(ip);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address still files.
    expect((await file('203.0.113.92')).statusCode).toBe(201);
  });

  it('keeps sign-in answering (backoff and limits in the process), never a 500', async () => {
    const login = (password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '203.0.113.93', payload: { username: 'leader', password } });
    expect((await login('not-it')).statusCode).toBe(401);
    expect((await login(DEMO_PASSWORD)).statusCode).toBe(200);
  });
});
