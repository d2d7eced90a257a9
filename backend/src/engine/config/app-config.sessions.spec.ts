import { ConfigError, loadConfig } from './app-config';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'a-very-long-production-secret', OPEN311_API_KEYS: 'k1' };

describe('loadConfig: staff sessions and the second factor', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['development by default', {}, []],
    ['test', { NODE_ENV: 'test' }, []],
    ['production by default', PRODUCTION, ['admin', 'leader']],
    ['production with none', { ...PRODUCTION, MFA_REQUIRED_ROLES: 'none' }, []],
    ['a test server for ward officials', { NODE_ENV: 'test', MFA_REQUIRED_ROLES: 'ward_official' }, ['ward_official']],
    ['a spaced list', { MFA_REQUIRED_ROLES: ' admin , leader ,' }, ['admin', 'leader']],
  ])('MFA_REQUIRED_ROLES in %s → %j', (_, env, roles) => {
    expect(loadConfig(env).sessions.mfaRequiredRoles).toEqual(roles);
  });

  it.each([
    [{ MFA_REQUIRED_ROLES: 'admin,mayor' }, 'MFA_REQUIRED_ROLES'],
    [{ SESSION_CHECK_SECONDS: '31' }, 'SESSION_CHECK_SECONDS'],
    [{ JWT_TTL_SECONDS: '28800' }, 'JWT_TTL_SECONDS'],
  ])('rejects %j naming %s', (env, field) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(field);
  });

  it('keeps access tokens short and sessions checked at least every 30 s by default', () => {
    const c = loadConfig({});
    expect([c.auth.jwtTtlSeconds, c.sessions.checkSeconds]).toEqual([900, 30]);
  });
});
