import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { deleteRedisKeys, setEnv } from '../../testing/process-env';
import { TEST_REDIS_URL } from '../../testing/test-env';
import { BEN_THANH } from '../../testing/places';

const run = randomUUID().slice(0, 8);
// Every key of this suite under its own prefix, so counts of earlier runs and other suites never mix in.
const PREFIX = `{hcmc1022test-rl-${run}}`;
const KEY_A = `key-a-${run}`;
const KEY_B = `key-b-${run}`;

const SETTINGS: Record<string, string> = {
  QUEUE_PREFIX: PREFIX,
  OPEN311_API_KEYS: `${KEY_A},${KEY_B}`,
  RATE_LIMIT_FILING: 'device=3/600,client=20/600,global=100000/600,user=30/600',
  RATE_LIMIT_OPEN311_POST: 'apiKey=3/600,global=100000/600',
  RATE_LIMIT_CITIZEN_ACTION: 'client=4/600,global=100000/600',
  RATE_LIMIT_TRACKING: 'client=100000/600,global=30/600',
  RATE_LIMIT_UPLOAD: 'client=2/600,global=100000/600',
  RATE_LIMIT_LOGIN: 'account=5/600,client=8/600,global=100000/600',
  LOGIN_BACKOFF_FREE_FAILURES: '2',
  LOGIN_BACKOFF_BASE_SECONDS: '600',
  LOGIN_BACKOFF_MAX_SECONDS: '3600',
  LOGIN_BACKOFF_ACCOUNT_MAX_SECONDS: '120',
  LOGIN_HASH_CONCURRENCY: '1',
  LOGIN_HASH_QUEUE: '2',
  // No proxy is trusted: forwarded headers must change nothing.
  TRUST_PROXY: '',
};

/** A random address in TEST-NET-3 per test, so each starts with empty per-address buckets. */
let octet = 0;
const freshAddress = () => `203.0.113.${(octet = (octet % 250) + 1)}`;

describe('rate limits over HTTP (real Redis, one policy mechanism for every route)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = setEnv(SETTINGS);
    ({ app, db } = await createTestHttpAppWithDb());
  });
  afterAll(async () => {
    restoreEnv();
    await app?.close();
    await deleteRedisKeys(TEST_REDIS_URL, PREFIX);
  });

  const file = (remoteAddress: string, headers: Record<string, string> = {}, description = `Ổ gà sâu giữa làn đường ${randomUUID()}`) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      remoteAddress,
      payload: { category: 'pothole', ...BEN_THANH, description },
      headers: { 'content-type': 'application/json', ...headers },
    });
  const login = (remoteAddress: string, username: string, password = 'wrong-password') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { username, password },
      headers: { 'content-type': 'application/json' },
    });
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);

  function expectLimited(
    res: { statusCode: number; headers: Record<string, unknown>; json: () => any },
    policy: string,
    dimension: string,
  ) {
    expect(res.statusCode).toBe(429);
    const body = res.json();
    expect(body).toMatchObject({
      code: 'rate_limit.exceeded',
      policy,
      dimension,
      retryAfterSeconds: expect.any(Number),
      messageVi: expect.stringContaining('thử lại sau'),
    });
    expect(Number(res.headers['retry-after'])).toBe(body.retryAfterSeconds);
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
  }

  describe('filing', () => {
    it('takes a burst of 200 anonymous reports up to the per-address limit, then answers 429 with Retry-After and writes nothing more', async () => {
      const ip = freshAddress();
      const tag = `burst-${randomUUID()}`;
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => file(ip, {}, `Ổ gà ${tag} số ${i}`)));
      const statuses = answers.map((a) => a.statusCode);
      expect(statuses.filter((s) => s === 201)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(180);
      expectLimited(
        answers.find((a) => a.statusCode === 429)!,
        'filing',
        'client',
      );
      expect(await count(`SELECT count(*) AS n FROM report WHERE description LIKE $1`, [`Ổ gà ${tag}%`])).toBe(20);
    });

    it('holds one device to its own limit while another device behind the same address still files', async () => {
      const ip = freshAddress();
      const phone = { 'x-device-id': `device-${randomUUID()}` };
      for (let i = 0; i < 3; i++) expect((await file(ip, phone)).statusCode).toBe(201);
      expectLimited(await file(ip, phone), 'filing', 'device');
      expect((await file(ip, { 'x-device-id': `device-${randomUUID()}` })).statusCode).toBe(201);
    });

    it('ignores X-Forwarded-For from a peer that is not a configured proxy', async () => {
      const peer = '10.22.0.7';
      const answers = [];
      for (let i = 0; i < 21; i++) answers.push(await file(peer, { 'x-forwarded-for': `198.51.100.${i + 1}` }));
      expect(answers.slice(0, 20).map((a) => a.statusCode)).toEqual(Array(20).fill(201));
      expectLimited(answers[20], 'filing', 'client');
    });

    it('counts an IPv6 client by its /64: a fresh address from the same prefix for every report does not reset the count', async () => {
      const prefix = `2001:db8:${(octet = (octet % 250) + 1).toString(16)}:1022`;
      const answers = [];
      for (let i = 0; i < 21; i++) answers.push(await file(`${prefix}::${(i + 1).toString(16)}`));
      expect(answers.slice(0, 20).map((a) => a.statusCode)).toEqual(Array(20).fill(201));
      expectLimited(answers[20], 'filing', 'client');
    });

    it('counts signed-in staff per user, not under the address they share with the public', async () => {
      const ip = freshAddress();
      for (let i = 0; i < 20; i++) await file(ip);
      expectLimited(await file(ip), 'filing', 'client');
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: freshAddress(),
        payload: { username: 'operator', password: '1022demo!' },
      });
      expect(signIn.statusCode).toBe(200);
      const staff = { authorization: `Bearer ${signIn.json().accessToken}` };
      expect((await file(ip, { ...staff })).statusCode).toBe(201);
    });
  });

  describe('Open311 POST', () => {
    const post = (apiKey: string, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        remoteAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: apiKey,
          service_code: 'pothole',
          lat: String(BEN_THANH.lat),
          long: String(BEN_THANH.lng),
          description: `Ổ gà lớn giữa làn xe máy ${randomUUID()}`,
        }).toString(),
      });

    it('limits each API key on its own, whatever address it posts from, in the Open311 error list', async () => {
      for (let i = 0; i < 3; i++) expect((await post(KEY_A, freshAddress())).statusCode).toBe(201);
      const refused = await post(KEY_A, freshAddress());
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json()).toEqual([{ code: 429, description: expect.stringContaining('thử lại sau') }]);
      expect((await post(KEY_B, freshAddress())).statusCode).toBe(201);
    });
  });

  describe('citizen actions and tracking', () => {
    it('limits reply, reject and rating by code together per address', async () => {
      const ip = freshAddress();
      const code = 'HCM-000000-ZZZZZZ';
      const act = (action: string, payload: object) =>
        app.inject({ method: 'POST', url: `/api/v1/track/${code}/${action}`, remoteAddress: ip, payload });
      const answers = [
        await act('reply', { message: 'Vẫn chưa sửa' }),
        await act('reject', { message: 'Chưa xong' }),
        await act('rating', { rating: 1 }),
        await act('reply', { message: 'Vẫn chưa sửa' }),
      ];
      expect(answers.map((a) => a.statusCode)).not.toContain(429);
      expectLimited(await act('rating', { rating: 5 }), 'citizenAction', 'client');
    });

    it('limits tracking look-ups globally, across addresses, on the web and in Open311', async () => {
      const answers = [];
      for (let i = 0; i < 30; i++) {
        const url = i % 2 ? '/api/v1/track/HCM-000000-ZZZZZZ' : '/open311/v2/requests/HCM-000000-ZZZZZZ.json';
        answers.push(await app.inject({ method: 'GET', url, remoteAddress: freshAddress() }));
      }
      expect(answers.map((a) => a.statusCode)).not.toContain(429);
      expectLimited(
        await app.inject({ method: 'GET', url: '/api/v1/track/HCM-000000-ZZZZZZ', remoteAddress: freshAddress() }),
        'tracking',
        'global',
      );
      const open311 = await app.inject({ method: 'GET', url: '/open311/v2/requests.json', remoteAddress: freshAddress() });
      expect(open311.statusCode).toBe(429);
      expect(open311.headers['retry-after']).toBeDefined();
    });
  });

  describe('uploads', () => {
    it('refuses past the limit before reading the file', async () => {
      const ip = freshAddress();
      const upload = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/uploads',
          remoteAddress: ip,
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
          payload: '--x--\r\n',
        });
      expect([(await upload()).statusCode, (await upload()).statusCode]).not.toContain(429);
      expectLimited(await upload(), 'upload', 'client');
    });
  });

  describe('sign-in', () => {
    it('limits one address spraying many usernames', async () => {
      const ip = freshAddress();
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push(await login(ip, `spray-${run}-${i}`));
      expect(answers.slice(0, 8).map((a) => a.statusCode)).toEqual(Array(8).fill(401));
      expectLimited(answers[8], 'login', 'client');
    });

    it('counts admİn (U+0130), ＡＤＭＩＮ and admin as one account', async () => {
      // From fresh addresses each, so only what the account shares can answer. Two free failures…
      expect((await login(freshAddress(), `admin-${run}`)).statusCode).toBe(401);
      expect((await login(freshAddress(), `adm\u0130n-${run}`)).statusCode).toBe(401);
      // …a third under yet another spelling sets the account's wait…
      expect((await login(freshAddress(), `ＡＤＭＩＮ-${run}`)).statusCode).toBe(401);
      // …which every spelling of the name then meets, while a different name does not.
      expectLimited(await login(freshAddress(), `Adm\u0130n-${run}`), 'login', 'backoff');
      expectLimited(await login(freshAddress(), `admin-${run}`), 'login', 'backoff');
      expect((await login(freshAddress(), `admim-${run}`)).statusCode).toBe(401);
    });

    it('limits attempts per account, whichever addresses they come from', async () => {
      // A correct password clears the backoff but still counts as an attempt.
      for (let i = 0; i < 5; i++) expect((await login(freshAddress(), 'ward.saigon', '1022demo!')).statusCode).toBe(200);
      expectLimited(await login(freshAddress(), 'WARD.SAIGON', '1022demo!'), 'login', 'account');
    });

    it('slows repeated failures down instead of locking: long for the address, briefly for the account elsewhere', async () => {
      const ip = freshAddress();
      const name = `slow-${run}`;
      // Two free failures, a third that sets a 600 s wait for this account from this address.
      for (let i = 0; i < 3; i++) expect((await login(ip, name)).statusCode).toBe(401);
      const waiting = await login(ip, name);
      expectLimited(waiting, 'login', 'backoff');
      expect(waiting.json().retryAfterSeconds).toBeGreaterThan(120);
      // Elsewhere the account waits at most LOGIN_BACKOFF_ACCOUNT_MAX_SECONDS: a name is not a lock.
      const elsewhere = await login(freshAddress(), name);
      expectLimited(elsewhere, 'login', 'backoff');
      expect(elsewhere.json().retryAfterSeconds).toBeLessThanOrEqual(120);
      // Another account from another address is untouched.
      expect((await login(freshAddress(), `other-${run}`)).statusCode).toBe(401);
    });

    it('lets only LOGIN_HASH_CONCURRENCY sign-ins verify at once and LOGIN_HASH_QUEUE wait; the rest hear 503 at once', async () => {
      // Hold the users table: the first sign-in takes the one slot and waits on the lock.
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      let answers: Array<{ statusCode: number; headers: Record<string, unknown>; json: () => any }> = [];
      try {
        await runner.query('LOCK TABLE app_user IN ACCESS EXCLUSIVE MODE');
        const first = login(freshAddress(), `burst-${run}-first`);
        await until(
          async () =>
            (await db.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%app_user%'`))[0]
              .n > 0,
        );
        const early: typeof answers = [];
        const rest = Array.from({ length: 39 }, (_, i) => login(freshAddress(), `burst-${run}-${i}`).then((r) => (early.push(r), r)));
        // Two wait in the queue; the other 37 are answered while the first still holds the slot.
        await until(async () => early.length >= 37);
        answers = [...early];
        expect(answers).toHaveLength(37);
        await runner.rollbackTransaction();
        const late = await Promise.all([first, ...rest]);
        expect(late.filter((a) => a.statusCode === 401)).toHaveLength(3);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      for (const busy of answers) {
        expect(busy.statusCode).toBe(503);
        expect(busy.json()).toMatchObject({ code: 'rate_limit.busy', policy: 'login' });
        expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
      }
      // A real sign-in afterwards goes straight through.
      expect((await login(freshAddress(), 'leader', '1022demo!')).statusCode).toBe(200);
    });
  });
});

/** Waits for a condition, bounded (not timed): fails after 20 s, however fast the machine. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
}
