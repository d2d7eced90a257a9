import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { createTestHttpApp } from '../../testing/http-app';
import { deleteRedisKeys, setEnv } from '../../testing/process-env';
import { TEST_REDIS_URL } from '../../testing/test-env';

const PREFIX = `{hcmc1022test-proxy-${randomUUID().slice(0, 8)}}`;
const PROXY = '172.30.22.10';
const SETTINGS: Record<string, string> = {
  QUEUE_PREFIX: PREFIX,
  TRUST_PROXY: PROXY,
  RATE_LIMIT_TRACKING: 'client=2/600,global=100000/600',
};

describe('TRUST_PROXY: forwarded addresses believed from the configured proxy only', () => {
  let app: NestFastifyApplication;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = setEnv(SETTINGS);
    app = await createTestHttpApp();
  });
  afterAll(async () => {
    restoreEnv();
    await app?.close();
    await deleteRedisKeys(TEST_REDIS_URL, PREFIX);
  });

  const track = (remoteAddress: string, forwardedFor: string) =>
    app.inject({ method: 'GET', url: '/api/v1/track/HCM-000000-ZZZZZZ', remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });

  it('counts each client behind the proxy on its own', async () => {
    for (const client of ['198.51.100.1', '198.51.100.2']) {
      expect((await track(PROXY, client)).statusCode).not.toBe(429);
      expect((await track(PROXY, client)).statusCode).not.toBe(429);
      expect((await track(PROXY, client)).statusCode).toBe(429);
    }
  });

  it('counts a peer that is not the proxy as itself, whatever it forwards', async () => {
    const peer = '172.30.22.11';
    expect((await track(peer, '198.51.100.3')).statusCode).not.toBe(429);
    expect((await track(peer, '198.51.100.4')).statusCode).not.toBe(429);
    expect((await track(peer, '198.51.100.5')).statusCode).toBe(429);
  });
});
