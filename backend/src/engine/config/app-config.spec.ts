import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives working local defaults', () => {
    const c = loadConfig({});
    expect(c.http.port).toBe(3000);
    expect(c.database.url).toMatch(/^postgres:\/\//);
    expect(c.demoSeed).toBe(true);
    expect(c.open311ApiKeys).toEqual(['demo-open311-key']);
  });

  it.each([
    [{ PORT: '0' }, 'PORT'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ DEMO_SEED: 'maybe' }, 'DEMO_SEED'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'a-very-long-production-secret' }, 'OPEN311_API_KEYS'],
    [{ RATE_LIMIT_FILING: 'client=60' }, 'RATE_LIMIT_FILING'],
    [{ RATE_LIMIT_LOGIN: 'phone=5/60' }, 'RATE_LIMIT_LOGIN'],
    [{ RATE_LIMIT_REDIS_TIMEOUT_MS: '0' }, 'RATE_LIMIT_REDIS_TIMEOUT_MS'],
  ])('rejects %j naming %s', (env, field) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(field);
  });

  it('never seeds demo accounts in production', () => {
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-very-long-production-secret', OPEN311_API_KEYS: 'k1', DEMO_SEED: 'true' });
    expect(c.demoSeed).toBe(false);
  });

  it('reads every rate-limit policy, and trusts no proxy unless told', () => {
    const c = loadConfig({ RATE_LIMIT_OPEN311_POST: 'apiKey=5/60', TRUST_PROXY: ' 172.30.22.10 , 10.0.0.0/8 ' });
    expect(c.rateLimits.policies.open311Post).toEqual({ apiKey: { limit: 5, windowSeconds: 60 } });
    expect(Object.keys(c.rateLimits.policies).sort()).toEqual(['citizenAction', 'filing', 'login', 'open311Post', 'tracking', 'upload']);
    expect(c.http.trustProxy).toEqual(['172.30.22.10', '10.0.0.0/8']);
    expect(loadConfig({}).http.trustProxy).toEqual([]);
  });

  it('splits and trims the Open311 keys', () => {
    expect(loadConfig({ OPEN311_API_KEYS: ' a , b,,c ' }).open311ApiKeys).toEqual(['a', 'b', 'c']);
  });
});
