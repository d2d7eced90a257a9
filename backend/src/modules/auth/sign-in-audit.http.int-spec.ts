import { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { setEnv } from '../../testing/process-env';

/** Every sign-in leaves an audit event: succeeded, failed (with why), refused by the throttle (once a window). */
describe('sign-in audit (in-process HTTP, three sign-ins per account an hour)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let restoreEnv: () => void;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    restoreEnv = setEnv({ RATE_LIMIT_LOGIN: 'account=3/3600,client=1000000/3600,global=1000000/3600' });
    ({ app, db } = await createTestHttpAppWithDb());
  });
  afterAll(async () => {
    restoreEnv();
    await app?.close();
  });

  const login = async (username: string, password: string) =>
    (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
        headers: { 'content-type': 'application/json', 'x-run': run },
      })
    ).statusCode;
  const events = (subject: string) =>
    db.query(
      `SELECT type, data->>'reason' AS reason, actor_user_id IS NOT NULL AS "hasActor" FROM audit_event WHERE subject = $1 ORDER BY id`,
      [subject],
    );

  it('records failures with their reason and the first throttled attempt of a window', async () => {
    const ghost = `ghost.${run}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await login(ghost.toUpperCase(), 'sai-mat-khau'));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(await events(`username:${ghost}`)).toEqual([
      { type: 'sign_in_failed', reason: 'unknown_user', hasActor: false },
      { type: 'sign_in_failed', reason: 'unknown_user', hasActor: false },
      { type: 'sign_in_failed', reason: 'unknown_user', hasActor: false },
      { type: 'sign_in_throttled', reason: null, hasActor: false },
    ]);
  });

  it('records a wrong password against the account, and a success', async () => {
    // An account of its own: the demo accounts' throttle buckets fill up with other suites' sign-ins.
    const username = `leader.audit.${run}`;
    await db.query(
      `INSERT INTO app_user (username, username_key, password_hash, full_name, role) VALUES ($1, $1, $2, 'Lãnh đạo Thử', 'leader')`,
      [username, await argon2.hash('Một mật khẩu đủ dài 2026', { type: argon2.argon2id })],
    );
    expect(await login(username.toUpperCase(), 'sai-mat-khau')).toBe(401);
    expect(await login(username, 'Một mật khẩu đủ dài 2026')).toBe(200);
    const rows = await db.query(
      `SELECT type, data->>'reason' AS reason, actor_role AS role FROM audit_event WHERE subject = $1 ORDER BY id`,
      [`username:${username}`],
    );
    expect(rows).toEqual([
      { type: 'sign_in_failed', reason: 'wrong_password', role: 'leader' },
      { type: 'sign_in_succeeded', reason: null, role: 'leader' },
    ]);
  });
});
