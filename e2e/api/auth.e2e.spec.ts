import { randomUUID } from 'node:crypto';
import { api, DEMO_PASSWORD, login } from '../support/api';

describe('POST /api/v1/auth/login', () => {
  it.each([
    ['admin', 'admin', null],
    ['leader', 'leader', null],
    ['operator', 'operator', null],
    ['ward.benthanh', 'ward_official', 'Phường Bến Thành'],
    ['ward.saigon', 'ward_official', 'Phường Sài Gòn'],
    ['dept.xaydung', 'department_official', 'Sở Xây dựng'],
  ])('signs in %s as %s of %s', async (username, role, unitName) => {
    const r = await api('POST', '/api/v1/auth/login', { json: { username, password: DEMO_PASSWORD } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), expiresIn: expect.any(Number) });
    expect(r.body.user).toMatchObject({ username, role });
    if (unitName) expect(r.body.user.unit.name).toContain(unitName);
    else expect(r.body.user.unit).toBeNull();
    const me = await api('GET', '/api/v1/auth/me', { token: r.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(r.body.user);
    expect(JSON.stringify(me.body)).not.toMatch(/password_?hash|\$argon2|"password"/i);
  });

  it('gives the same 401 for a wrong password and an unknown user', async () => {
    const wrong = await api('POST', '/api/v1/auth/login', { json: { username: 'leader', password: 'nope-nope' } });
    const unknown = await api('POST', '/api/v1/auth/login', { json: { username: `ghost-${randomUUID()}`, password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
  });

  it.each([
    [{}, ['username', 'password']],
    [{ username: 'leader' }, ['password']],
    [{ username: 42, password: 'x' }, ['username']],
    [{ username: 'leader', password: 'x', role: 'admin' }, ['(body)']],
  ])('rejects %j with a 400 naming %j', async (body, fields) => {
    const r = await api('POST', '/api/v1/auth/login', { json: body });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    expect(r.body.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(fields));
  });

  it('throttles repeated attempts on one account with a 429 and a retry time', async () => {
    const limit = Number(process.env.E2E_LOGIN_LIMIT ?? 10);
    const username = `brute-${randomUUID()}`;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 2; i++) {
      statuses.push((await api('POST', '/api/v1/auth/login', { json: { username, password: 'guess' } })).status);
    }
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(statuses.slice(limit)).toEqual([429, 429]);
    const r = await api('POST', '/api/v1/auth/login', { json: { username, password: 'guess' } });
    expect(r.body).toMatchObject({
      code: 'rate_limit.exceeded',
      policy: 'login',
      dimension: 'account',
      retryAfterSeconds: expect.any(Number),
    });
    expect(Number(r.headers.get('retry-after'))).toBe(r.body.retryAfterSeconds);
  });

  it('refuses a missing, forged or tampered token', async () => {
    expect((await api('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await api('GET', '/api/v1/auth/me', { token: 'not.a.jwt' })).status).toBe(401);
    const token = await login('leader');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${s}`;
    const r = await api('GET', '/api/v1/auth/me', { token: forged });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('auth.invalid_token');
  });
});
