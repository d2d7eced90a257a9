import { ConfigError, loadConfig } from './app-config';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: '9f3b2c1d8e7a6f5041c2d3e4b5a69788f0e1d2c3b4a5968778695a4b3c2d1e0f',
  OPEN311_API_KEYS: '3fa85f6457174562b3fc2c963f66afa6',
  PUBLIC_BASE_URL: 'https://1022.tphcm.gov.vn',
};
const DEVELOPMENT = { NODE_ENV: 'development' };

describe('loadConfig: staff sessions and the second factor', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['development by default', DEVELOPMENT, []],
    ['test', { NODE_ENV: 'test' }, []],
    ['production by default', PRODUCTION, ['admin', 'leader']],
    ['an unset NODE_ENV (production)', { ...PRODUCTION, NODE_ENV: '' }, ['admin', 'leader']],
    ['production with none', { ...PRODUCTION, MFA_REQUIRED_ROLES: 'none' }, []],
    ['a test server for ward officials', { NODE_ENV: 'test', MFA_REQUIRED_ROLES: 'ward_official' }, ['ward_official']],
    ['a spaced list', { ...DEVELOPMENT, MFA_REQUIRED_ROLES: ' admin , leader ,' }, ['admin', 'leader']],
  ])('MFA_REQUIRED_ROLES in %s → %j', (_, env, roles) => {
    expect(loadConfig(env).sessions.mfaRequiredRoles).toEqual(roles);
  });

  it.each([
    [{ MFA_REQUIRED_ROLES: 'admin,mayor' }, 'MFA_REQUIRED_ROLES'],
    [{ SESSION_CHECK_SECONDS: '31' }, 'SESSION_CHECK_SECONDS'],
    [{ JWT_TTL_SECONDS: '28800' }, 'JWT_TTL_SECONDS'],
  ])('rejects %j naming %s', (env, field) => {
    expect(() => loadConfig({ ...DEVELOPMENT, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...DEVELOPMENT, ...env })).toThrow(field);
  });

  it('keeps access tokens short and sessions checked at least every 30 s by default', () => {
    const c = loadConfig(PRODUCTION);
    expect([c.auth.jwtTtlSeconds, c.sessions.checkSeconds]).toEqual([900, 30]);
  });
});
