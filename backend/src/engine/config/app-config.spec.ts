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
  ])('rejects %j naming %s', (env, field) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(field);
  });

  it('never seeds demo accounts in production', () => {
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-very-long-production-secret', OPEN311_API_KEYS: 'k1', DEMO_SEED: 'true' });
    expect(c.demoSeed).toBe(false);
  });

  it('splits and trims the Open311 keys', () => {
    expect(loadConfig({ OPEN311_API_KEYS: ' a , b,,c ' }).open311ApiKeys).toEqual(['a', 'b', 'c']);
  });
});
