import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestHttpAppOnOwnRedis, createTwoTestHttpApps, OwnRedisHttpApp } from '../../testing/http-app';
import { advanceClock, callApi, DEMO_PASSWORD } from '../../testing/http-client';
import { TestRedisServer } from '../../testing/redis-server';
import { SessionsService } from './sessions.service';

/**
 * Finding 3 of issue 14 over HTTP: a token outlived its sign-out and its account. Two
 * applications stand for two API processes sharing PostgreSQL and Redis; each has its own clock
 * (CLOCK), moved by hand, so "within SESSION_CHECK_SECONDS" is checked without waiting.
 */
const CHECK_MS = 30_000;

type App = NestFastifyApplication;

const call = (app: App, method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
  callApi(app, method, url, token, payload, { 'user-agent': 'sessions-spec' });

const signIn = async (app: App, username = 'operator') => {
  const res = await call(app, 'POST', '/api/v1/auth/login', undefined, { username, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; refreshToken: string; sessionId: string; expiresIn: number; user: { id: string } };
};

describe('staff sessions (in-process HTTP, real PostgreSQL and Redis)', () => {
  let a: App;
  let b: App;
  let db: DataSource;

  beforeAll(async () => ({ a, b, db } = await createTwoTestHttpApps()));
  afterAll(() => Promise.all([a?.close(), b?.close()]));

  it('issues a short access token that names a session, and no role', async () => {
    const s = await signIn(a);
    expect(s.expiresIn).toBeLessThanOrEqual(15 * 60);
    const claims = JSON.parse(Buffer.from(s.accessToken.split('.')[1], 'base64url').toString());
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'iss', 'sid', 'sub']);
    const [row] = await db.query(`SELECT user_agent, refresh_hash <> $2 AS hashed FROM user_session WHERE id = $1`, [
      s.sessionId,
      s.refreshToken,
    ]);
    expect(row).toEqual({ user_agent: 'sessions-spec', hashed: true });
  });

  it('refreshes with a rotating token; a replayed one ends the session', async () => {
    const s = await signIn(a);
    const next = await call(a, 'POST', '/api/v1/auth/refresh', undefined, { refreshToken: s.refreshToken });
    expect(next.status).toBe(200);
    expect(next.body.refreshToken).not.toBe(s.refreshToken);
    expect((await call(a, 'GET', '/api/v1/auth/me', next.body.accessToken)).status).toBe(200);

    const replay = await call(a, 'POST', '/api/v1/auth/refresh', undefined, { refreshToken: s.refreshToken });
    expect(replay).toMatchObject({ status: 401, body: { code: 'auth.invalid_refresh_token' } });
    expect((await call(a, 'GET', '/api/v1/auth/me', next.body.accessToken)).body.code).toBe('auth.session_ended');
    expect((await call(a, 'POST', '/api/v1/auth/refresh', undefined, { refreshToken: next.body.refreshToken })).status).toBe(401);
  });

  it.each([
    ['garbage', 'x'],
    ['an unknown session', '7d3c6a0e-5b1f-4c2a-9e8d-1f2a3b4c5d6e.abc'],
  ])('refuses a refresh token that is %s with 401', async (_, refreshToken) => {
    expect(await call(a, 'POST', '/api/v1/auth/refresh', undefined, { refreshToken })).toMatchObject({
      status: 401,
      body: { code: 'auth.invalid_refresh_token' },
    });
  });

  it('names the field of a bad refresh body', async () => {
    const res = await call(a, 'POST', '/api/v1/auth/refresh', undefined, { refreshToken: 42 });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].field).toBe('refreshToken');
  });

  it('signs out: the token is refused at once on this process and within SESSION_CHECK_SECONDS on another', async () => {
    const s = await signIn(a);
    expect((await call(b, 'GET', '/api/v1/units', s.accessToken)).status).toBe(200); // b now holds the session in its view
    expect((await call(a, 'POST', '/api/v1/auth/logout', s.accessToken)).status).toBe(204);
    expect((await call(a, 'GET', '/api/v1/units', s.accessToken)).body.code).toBe('auth.session_ended');
    advanceClock(b, CHECK_MS);
    expect((await call(b, 'GET', '/api/v1/units', s.accessToken)).body.code).toBe('auth.session_ended');
    expect((await call(a, 'POST', '/api/v1/auth/refresh', undefined, { refreshToken: s.refreshToken })).status).toBe(401);
  });

  it('lists my sessions, ends one of them, and signs out everywhere', async () => {
    const [one, two, three] = [await signIn(a, 'leader'), await signIn(a, 'leader'), await signIn(a, 'leader')];
    const list = await call(a, 'GET', '/api/v1/auth/sessions', one.accessToken);
    expect(list.status).toBe(200);
    const mine = list.body.filter((s: { id: string }) => [one, two, three].some((x) => x.sessionId === s.id));
    expect(mine.map((s: { id: string; current: boolean }) => [s.id, s.current]).sort()).toEqual(
      [
        [one.sessionId, true],
        [two.sessionId, false],
        [three.sessionId, false],
      ].sort(),
    );
    expect(list.body.every((s: Record<string, unknown>) => !('refreshHash' in s) && !('refresh_hash' in s))).toBe(true);

    expect((await call(a, 'DELETE', `/api/v1/auth/sessions/${two.sessionId}`, one.accessToken)).status).toBe(204);
    expect((await call(a, 'GET', '/api/v1/auth/me', two.accessToken)).body.code).toBe('auth.session_ended');
    expect((await call(a, 'DELETE', `/api/v1/auth/sessions/${two.sessionId}`, one.accessToken)).status).toBe(404);

    // Another user's session is not mine to end.
    const other = await signIn(a, 'operator');
    expect((await call(a, 'DELETE', `/api/v1/auth/sessions/${other.sessionId}`, one.accessToken)).status).toBe(404);
    expect((await call(a, 'GET', '/api/v1/auth/me', other.accessToken)).status).toBe(200);

    const all = await call(a, 'POST', '/api/v1/auth/sessions/revoke-all', three.accessToken);
    expect(all.status).toBe(200);
    expect(all.body.ended).toBeGreaterThanOrEqual(2);
    for (const s of [one, three]) expect((await call(a, 'GET', '/api/v1/auth/me', s.accessToken)).body.code).toBe('auth.session_ended');
    expect((await call(a, 'GET', '/api/v1/auth/me', other.accessToken)).status).toBe(200);
  });

  it('takes the role and unit a user has now, on every process within SESSION_CHECK_SECONDS', async () => {
    const s = await signIn(a, 'ward.saigon');
    const [{ unit_id: unitId }] = await db.query(`SELECT unit_id FROM app_user WHERE username = 'ward.saigon'`);
    expect((await call(b, 'GET', `/api/v1/units/${unitId}/queue`, s.accessToken)).status).toBe(200);
    const [{ id: otherUnit }] = await db.query(`SELECT id FROM handling_unit WHERE code = 'UBND-26743'`);
    await db.query(`UPDATE app_user SET unit_id = $1 WHERE username = 'ward.saigon'`, [otherUnit]);
    try {
      // What an admin's change does (the admin API calls the same): every session of the user takes a new version.
      await a.get(SessionsService).authorityChanged(s.user.id);
      advanceClock(b, CHECK_MS);
      expect((await call(b, 'GET', `/api/v1/units/${unitId}/queue`, s.accessToken)).status).toBe(403);
      expect((await call(b, 'GET', `/api/v1/units/${otherUnit}/queue`, s.accessToken)).status).toBe(200);
    } finally {
      await db.query(`UPDATE app_user SET unit_id = $1 WHERE username = 'ward.saigon'`, [unitId]);
      await a.get(SessionsService).authorityChanged(s.user.id);
    }
  });

  it('changes a password: other sessions end, this one carries on', async () => {
    const [mine, elsewhere] = [await signIn(a, 'dept.xaydung'), await signIn(a, 'dept.xaydung')];
    const wrong = await call(a, 'POST', '/api/v1/auth/password', mine.accessToken, {
      currentPassword: 'nope',
      newPassword: 'Một mật khẩu mới khá dài 2026',
    });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'auth.wrong_current_password', issues: [{ field: 'currentPassword' }] } });
    const [{ password_hash: original }] = await db.query(`SELECT password_hash FROM app_user WHERE username = 'dept.xaydung'`);
    for (const [newPassword, rule] of [
      ['ngắn quá', 'password_too_short'],
      ['password1234', 'password_guessable'],
      ['dept.xaydung2026', 'password_guessable'],
    ]) {
      const weak = await call(a, 'POST', '/api/v1/auth/password', mine.accessToken, { currentPassword: DEMO_PASSWORD, newPassword });
      expect({ status: weak.status, code: weak.body.code, issue: weak.body.issues[0] }).toMatchObject({
        status: 400,
        code: 'auth.weak_password',
        issue: { field: 'newPassword', rule },
      });
    }
    expect((await call(a, 'GET', '/api/v1/auth/me', elsewhere.accessToken)).status).toBe(200);
    try {
      const changed = await call(a, 'POST', '/api/v1/auth/password', mine.accessToken, {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'Một mật khẩu mới khá dài 2026',
      });
      expect(changed.status).toBe(200);
      expect((await call(a, 'GET', '/api/v1/auth/me', mine.accessToken)).status).toBe(200);
      expect((await call(a, 'GET', '/api/v1/auth/me', elsewhere.accessToken)).body.code).toBe('auth.session_ended');
    } finally {
      await db.query(`UPDATE app_user SET password_hash = $1 WHERE username = 'dept.xaydung'`, [original]);
    }
  });
});

describe('staff sessions while Redis is away', () => {
  let own: OwnRedisHttpApp;
  let redis: TestRedisServer;
  let app: App;

  beforeAll(async () => {
    own = await createTestHttpAppOnOwnRedis();
    ({ app, redis } = own);
  });
  afterAll(async () => {
    await own?.close();
  });

  it('checks sessions in PostgreSQL: no hang, no 500, and a sign-out still counts', async () => {
    const s = await signIn(app);
    await redis.kill();
    advanceClock(app, CHECK_MS);
    const started = Date.now();
    expect((await call(app, 'GET', '/api/v1/units', s.accessToken)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await call(app, 'POST', '/api/v1/auth/logout', s.accessToken)).status).toBe(204);
    expect((await call(app, 'GET', '/api/v1/units', s.accessToken)).body.code).toBe('auth.session_ended');
  });
});
