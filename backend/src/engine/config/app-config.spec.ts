import { ConfigError, loadConfig } from './app-config';

/** A production environment that passes every rule; each case below breaks one setting of it. */
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: '9f3b2c1d8e7a6f5041c2d3e4b5a69788f0e1d2c3b4a5968778695a4b3c2d1e0f',
  OPEN311_API_KEYS: '3fa85f6457174562b3fc2c963f66afa6',
  PUBLIC_BASE_URL: 'https://1022.tphcm.gov.vn',
};

describe('loadConfig', () => {
  it('gives working local defaults in development', () => {
    const c = loadConfig({ NODE_ENV: 'development' });
    expect(c.http.port).toBe(3000);
    expect(c.database.url).toMatch(/^postgres:\/\//);
    expect(c.demoSeed).toBe(true);
    expect(c.open311ApiKeys).toEqual(['demo-open311-key']);
    expect(c.surface).toEqual({
      publicBaseUrl: 'http://localhost:3000',
      hstsMaxAgeSeconds: null,
      corsOrigins: [],
      apiDocs: true,
      metricsToken: null,
      metricsAllow: ['127.0.0.1/32', '::1/128'],
      liveStreamsPerClient: 10,
    });
  });

  it('takes an unset NODE_ENV for production, which refuses the development defaults, naming each setting', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    const message = (() => {
      try {
        loadConfig({ DEMO_SEED: 'true' });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    for (const setting of ['JWT_SECRET', 'OPEN311_API_KEYS', 'DEMO_SEED', 'PUBLIC_BASE_URL']) expect(message).toContain(`  ${setting}:`);
    expect(message).toContain('NODE_ENV=development');
  });

  it.each([
    [{ PORT: '0' }, 'PORT'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ DEMO_SEED: 'maybe' }, 'DEMO_SEED'],
    [{ API_DOCS: 'sometimes' }, 'API_DOCS'],
    [{ PUBLIC_BASE_URL: 'ftp://example.com' }, 'PUBLIC_BASE_URL'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'null' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://ok.example, https://bad.example/path' }, 'CORS_ORIGINS'],
    [{ LIVE_STREAMS_PER_CLIENT: '0' }, 'LIVE_STREAMS_PER_CLIENT'],
    [{ METRICS_ALLOW: '10.0.0.0/8,prometheus' }, 'METRICS_ALLOW'],
    [{ METRICS_ALLOW: '10.0.0.0/33' }, 'METRICS_ALLOW'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'a-very-long-production-secret' }, 'OPEN311_API_KEYS'],
    [{ RATE_LIMIT_FILING: 'client=60' }, 'RATE_LIMIT_FILING'],
    [{ RATE_LIMIT_LOGIN: 'phone=5/60' }, 'RATE_LIMIT_LOGIN'],
    [{ RATE_LIMIT_REDIS_TIMEOUT_MS: '0' }, 'RATE_LIMIT_REDIS_TIMEOUT_MS'],
  ])('rejects %j naming %s', (env, field) => {
    expect(() => loadConfig({ NODE_ENV: 'development', ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'development', ...env })).toThrow(field);
  });

  it.each([
    [{ NODE_ENV: undefined }, null],
    [{ JWT_SECRET: undefined }, 'JWT_SECRET: must be set'],
    [{ JWT_SECRET: 'aaaaaaaaaaaaaaaa' }, 'JWT_SECRET: too weak'],
    [{ JWT_SECRET: 'a'.repeat(64) }, 'JWT_SECRET: too weak'],
    [{ JWT_SECRET: 'a-very-long-production-secret' }, 'JWT_SECRET: too weak'],
    [{ OPEN311_API_KEYS: undefined }, 'OPEN311_API_KEYS: the demo key'],
    [{ OPEN311_API_KEYS: 'x' }, 'OPEN311_API_KEYS: key 1 is too weak'],
    [{ OPEN311_API_KEYS: '3fa85f6457174562b3fc2c963f66afa6,demo-open311-key' }, 'OPEN311_API_KEYS: the demo key'],
    [{ OPEN311_API_KEYS: '3fa85f6457174562b3fc2c963f66afa6,partner-2026' }, 'OPEN311_API_KEYS: key 2 is too weak'],
    [{ DEMO_SEED: 'true' }, 'DEMO_SEED'],
    [{ DEMO_SEED: 'false' }, null],
    [{ METRICS_TOKEN: 'metrics' }, 'METRICS_TOKEN: too weak'],
    [{ METRICS_TOKEN: 'b7e1c0d4a9f2386e5d1c7b0a4f9e2d31' }, null],
    [{ PUBLIC_BASE_URL: undefined }, 'PUBLIC_BASE_URL: must be set'],
  ])('production with %j: %s', (change, problem) => {
    const env = Object.fromEntries(Object.entries({ ...PRODUCTION, ...change }).filter(([, v]) => v !== undefined));
    if (problem === null) expect(() => loadConfig(env)).not.toThrow();
    else expect(() => loadConfig(env)).toThrow(problem);
  });

  it('has production defaults: no demo accounts, no API docs, HSTS behind https', () => {
    const c = loadConfig(PRODUCTION);
    expect(c.env).toBe('production');
    expect(c.demoSeed).toBe(false);
    expect(c.surface.apiDocs).toBe(false);
    expect(c.surface.hstsMaxAgeSeconds).toBe(180 * 24 * 3600);
    expect(loadConfig({ ...PRODUCTION, PUBLIC_BASE_URL: 'http://10.0.0.5:8080' }).surface.hstsMaxAgeSeconds).toBeNull();
    expect(loadConfig({ ...PRODUCTION, HSTS_MAX_AGE_SECONDS: '0' }).surface.hstsMaxAgeSeconds).toBeNull();
    expect(loadConfig({ ...PRODUCTION, API_DOCS: 'true' }).surface.apiDocs).toBe(true);
  });

  it('keeps development settings in development and test only', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).demoSeed).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', DEMO_SEED: 'false' }).demoSeed).toBe(false);
  });

  it('splits and trims the Open311 keys, the CORS origins and the metrics allow-list', () => {
    const c = loadConfig({
      NODE_ENV: 'development',
      OPEN311_API_KEYS: ' a , b,,c ',
      CORS_ORIGINS: ' https://a.example/ ,http://b.example:8080',
      METRICS_ALLOW: '10.0.0.0/8, 127.0.0.1',
    });
    expect(c.open311ApiKeys).toEqual(['a', 'b', 'c']);
    expect(c.surface.corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(c.surface.metricsAllow).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it('writes links from the configured public address, without a trailing slash', () => {
    const c = loadConfig({ ...PRODUCTION, PUBLIC_BASE_URL: 'https://1022.tphcm.gov.vn/' });
    expect(c.surface.publicBaseUrl).toBe('https://1022.tphcm.gov.vn');
    // Messages link to the same address unless they have their own.
    expect(c.notifications.publicBaseUrl).toBe('https://1022.tphcm.gov.vn');
    expect(loadConfig({ ...PRODUCTION, NOTIFY_PUBLIC_BASE_URL: 'https://tin.1022.vn' }).notifications.publicBaseUrl).toBe(
      'https://tin.1022.vn',
    );
    expect(loadConfig({ NODE_ENV: 'development' }).notifications.publicBaseUrl).toBe('');
  });

  it('reads every rate-limit policy, and trusts no proxy unless told', () => {
    const c = loadConfig({ NODE_ENV: 'development', RATE_LIMIT_OPEN311_POST: 'apiKey=5/60', TRUST_PROXY: ' 172.30.22.10 , 10.0.0.0/8 ' });
    expect(c.rateLimits.policies.open311Post).toEqual({ apiKey: { limit: 5, windowSeconds: 60 } });
    expect(Object.keys(c.rateLimits.policies).sort()).toEqual([
      'citizenAction',
      'filing',
      'login',
      'open311Post',
      'privacyAccess',
      'privacyCode',
      'secondFactor',
      'tracking',
      'upload',
    ]);
    expect(c.http.trustProxy).toEqual(['172.30.22.10', '10.0.0.0/8']);
    expect(loadConfig({ NODE_ENV: 'development' }).http.trustProxy).toEqual([]);
  });
});
