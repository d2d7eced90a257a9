import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { generateSync } from 'otplib';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { callApi, signIn } from '../../testing/http-client';
import { setEnv } from '../../testing/process-env';
import { Clock, CLOCK } from '../../engine/clock/clock';

/**
 * The second factor over HTTP (real PostgreSQL and Redis), with MFA_REQUIRED_ROLES naming ward
 * officials as a test server would: a new official chooses a password, enrols TOTP, and signs in
 * with password and code from then on; the demo ward official still signs in with the password
 * alone. Codes are computed from the secret at the application's clock, which stands still and moves by hand.
 */
type App = NestFastifyApplication;
const run = randomUUID().slice(0, 8);
const PASSWORD = `Mưa chiều quận Nhất ${run}`;

describe('second factor (in-process HTTP, MFA_REQUIRED_ROLES=ward_official)', () => {
  let app: App;
  let db: DataSource;
  let admin: string;
  let clock: Clock;
  let offset = 0;
  let restoreEnv: () => void;

  const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) => callApi(app, method, url, token, payload);
  const login = (username: string, password: string) => signIn(app, username, password);
  const code = (secret: string) => generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
  /** The next 30-second step: a code is good once. */
  const nextStep = () => (offset += 30_000);

  beforeAll(async () => {
    restoreEnv = setEnv({ MFA_REQUIRED_ROLES: 'ward_official' });
    ({ app, db } = await createTestHttpAppWithDb());
    clock = app.get<Clock>(CLOCK);
    // The application's time stands still but for the test's own steps: a real 30-second boundary
    // crossed between two requests would turn the spent code into the next, unspent one.
    const start = clock.now().getTime();
    clock.now = () => new Date(start + offset);
    admin = (await login('admin', '1022demo!')).body.accessToken;
  });
  afterAll(async () => {
    restoreEnv();
    await app?.close();
  });

  it('leaves the demo accounts on the password alone', async () => {
    const demo = await login('ward.benthanh', '1022demo!');
    expect(demo.status).toBe(200);
    expect(demo.body.user.secondFactor).toEqual({ enrolled: false, required: false });
    expect((await call('GET', `/api/v1/units/${demo.body.user.unit.id}/queue`, demo.body.accessToken)).status).toBe(200);
  });

  it('makes a new ward official choose a password and enrol, then asks for a code at each sign-in', async () => {
    const [{ id: unitId }] = await db.query(`SELECT id FROM handling_unit WHERE code = 'UBND-26740'`);
    const username = `ward.mfa.${run}`;
    const created = (
      await call('POST', '/api/v1/admin/users', admin, { username, fullName: 'Cán bộ Hai lớp', role: 'ward_official', unitId })
    ).body;
    const first = (await login(username, created.temporaryPassword)).body;
    expect(first.user).toMatchObject({ mustChangePassword: true, secondFactor: { enrolled: false, required: true } });
    await call('POST', '/api/v1/auth/password', first.accessToken, { currentPassword: created.temporaryPassword, newPassword: PASSWORD });
    expect(await call('GET', `/api/v1/units/${unitId}/queue`, first.accessToken)).toMatchObject({
      status: 403,
      body: { code: 'auth.second_factor_required' },
    });

    expect((await call('POST', '/api/v1/auth/second-factor/confirm', first.accessToken, { code: '123456' })).body.code).toBe(
      'auth.no_pending_second_factor',
    );
    const enrolment = (await call('POST', '/api/v1/auth/second-factor/enrol', first.accessToken)).body;
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrCode).toMatch(/^data:image\/png;base64,/);
    const wrong = await call('POST', '/api/v1/auth/second-factor/confirm', first.accessToken, {
      code: String((Number(code(enrolment.secret)) + 1) % 1_000_000).padStart(6, '0'),
    });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'auth.invalid_second_factor', issues: [{ field: 'code' }] } });
    const confirmed = await call('POST', '/api/v1/auth/second-factor/confirm', first.accessToken, { code: code(enrolment.secret) });
    expect(confirmed.status).toBe(200);
    const recoveryCodes: string[] = confirmed.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect((await call('GET', `/api/v1/units/${unitId}/queue`, first.accessToken)).status).toBe(200);
    const stored = await db.query(`SELECT code_hash FROM user_recovery_code WHERE user_id = $1`, [created.id]);
    expect(stored.every((r: { code_hash: string }) => !recoveryCodes.some((c) => r.code_hash.includes(c.replace('-', ''))))).toBe(true);

    // From now on: password, then a code.
    const challenge = await login(username, PASSWORD);
    expect(challenge.body).toEqual({ secondFactorRequired: true, challengeToken: expect.any(String), expiresIn: 300 });
    expect(challenge.body).not.toHaveProperty('accessToken');
    expect((await call('GET', '/api/v1/auth/me', challenge.body.challengeToken)).status).toBe(401);
    const reused = await call('POST', '/api/v1/auth/login/second-factor', undefined, {
      challengeToken: challenge.body.challengeToken,
      code: code(enrolment.secret),
    });
    expect(reused.body.code).toBe('auth.invalid_second_factor'); // the code that confirmed enrolment is spent
    nextStep();
    const signedIn = await call('POST', '/api/v1/auth/login/second-factor', undefined, {
      challengeToken: challenge.body.challengeToken,
      code: code(enrolment.secret),
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.secondFactor).toEqual({ enrolled: true, required: true });
    expect(
      (
        await call('POST', '/api/v1/auth/login/second-factor', undefined, {
          challengeToken: signedIn.body.accessToken,
          code: code(enrolment.secret),
        })
      ).body.code,
    ).toBe('auth.invalid_challenge');

    // A recovery code works once.
    const byRecovery = await call('POST', '/api/v1/auth/login/second-factor', undefined, {
      challengeToken: (await login(username, PASSWORD)).body.challengeToken,
      code: recoveryCodes[0].toUpperCase(),
    });
    expect(byRecovery.status).toBe(200);
    expect(
      (
        await call('POST', '/api/v1/auth/login/second-factor', undefined, {
          challengeToken: (await login(username, PASSWORD)).body.challengeToken,
          code: recoveryCodes[0],
        })
      ).status,
    ).toBe(401);

    // Lost phone: the admin resets the factor, every session ends, and the next sign-in enrols again.
    const reset = await call('POST', `/api/v1/admin/users/${created.id}/reset-second-factor`, admin);
    expect(reset).toMatchObject({ status: 200, body: { secondFactorEnrolled: false } });
    expect((await call('GET', '/api/v1/auth/me', signedIn.body.accessToken)).body.code).toBe('auth.session_ended');
    const again = await login(username, PASSWORD);
    expect(again.body.user.secondFactor).toEqual({ enrolled: false, required: true });
    const types = (
      await call('GET', `/api/v1/admin/audit?subject=user:${created.id}&type=second_factor_enrolled,second_factor_reset`, admin)
    ).body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(['second_factor_reset', 'second_factor_enrolled']);
  });

  it('allows five wrong codes per account in five minutes, then answers 429', async () => {
    const username = `ward.mfa2.${run}`;
    const [{ id: unitId }] = await db.query(`SELECT id FROM handling_unit WHERE code = 'UBND-26740'`);
    const created = (await call('POST', '/api/v1/admin/users', admin, { username, fullName: 'Cán bộ Ba', role: 'ward_official', unitId }))
      .body;
    const token = (await login(username, created.temporaryPassword)).body.accessToken;
    await call('POST', '/api/v1/auth/password', token, { currentPassword: created.temporaryPassword, newPassword: PASSWORD });
    const { secret } = (await call('POST', '/api/v1/auth/second-factor/enrol', token)).body;
    nextStep();
    await call('POST', '/api/v1/auth/second-factor/confirm', token, { code: code(secret) });
    const challengeToken = (await login(username, PASSWORD)).body.challengeToken;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await call('POST', '/api/v1/auth/login/second-factor', undefined, { challengeToken, code: '000000' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    nextStep();
    expect((await call('POST', '/api/v1/auth/login/second-factor', undefined, { challengeToken, code: code(secret) })).status).toBe(429);
  });
});
