import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestHttpApp } from '../../testing/http-app';

/**
 * Issue 14, findings 6–7, as an attacker would try them over HTTP against the real application
 * (in-process Fastify, real PostgreSQL and Redis): invalid text, security headers, CORS, links
 * built from a forged Host, /metrics and /api/docs, and live-event streams.
 */

const PUBLIC_BASE = 'https://1022.tphcm.example.vn';
const METRICS_TOKEN = 'b7e1c0d4a9f2386e5d1c7b0a4f9e2d31';
const PARTNER = 'https://partner.example.vn';
const STRANGER = '203.0.113.9';

/** An application built with these settings on top of the test environment. */
async function appWith(settings: Record<string, string>): Promise<NestFastifyApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, settings);
  try {
    return await createTestHttpApp();
  } finally {
    for (const key of Object.keys(settings)) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

describe('public surface (in-process HTTP, real PostgreSQL and Redis)', () => {
  // Configured as a deployment would be: a public https address, a partner origin, a metrics token.
  let app: NestFastifyApplication;
  // The test defaults, with the API docs switched off, behind a proxy on this machine.
  let plain: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await appWith({ PUBLIC_BASE_URL: PUBLIC_BASE, CORS_ORIGINS: PARTNER, METRICS_TOKEN, LIVE_STREAMS_PER_CLIENT: '2' });
    plain = await appWith({ API_DOCS: 'false', TRUST_PROXY: '127.0.0.1' });
    db = app.get(getDataSourceToken());
  });
  afterAll(async () => {
    await app?.close();
    await plain?.close();
  });

  describe('a NUL character anywhere in a request is a 400 naming the field, never a 500', () => {
    it.each([
      ['a login name', '/api/v1/auth/login', { username: 'adm\u0000in', password: 'x' }, 'username'],
      [
        'a report attribute answer',
        '/api/v1/reports',
        { category: 'pothole', lat: 10.7725, lng: 106.6981, description: 'Ổ gà', attributes: { depth: 'sâu\u0000' } },
        'attributes.depth',
      ],
      [
        'a report attribute code',
        '/api/v1/reports',
        { category: 'pothole', lat: 10.7725, lng: 106.6981, description: 'Ổ gà', attributes: { ['de\u0000pth']: 'x' } },
        'attributes.de\u2400pth',
      ],
    ])('%s', async (_what, url, payload, field) => {
      const res = await plain.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toEqual([expect.objectContaining({ field, rule: 'custom', messageVi: 'Không được chứa ký tự NUL' })]);
    });

    it('in an Open311 attribute, and writes nothing', async () => {
      const tag = randomUUID();
      const form = new URLSearchParams({
        api_key: 'demo-open311-key',
        service_code: 'pothole',
        lat: '10.7725',
        long: '106.6981',
        description: `Ổ gà ${tag}`,
        'attribute[depth]': 'a\u0000b',
      });
      const res = await plain.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        payload: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()[0].description).toMatch(/^attribute\[depth\]/);
      expect((await db.query(`SELECT count(*)::int AS n FROM report WHERE description LIKE $1`, [`%${tag}%`]))[0].n).toBe(0);
    });

    it('in a query parameter', async () => {
      const res = await plain.inject({ method: 'GET', url: '/open311/v2/requests.json?service_code=pot%00hole' });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('security headers on the web app, the API and errors', () => {
    it.each(['/', '/track/HCM-000000-AAAAAA', '/health', '/api/v1/no-such-route', '/open311/v2/discovery.json'])('%s', async (url) => {
      const res = await plain.inject({ method: 'GET', url });
      expect(res.statusCode).toBeLessThan(500);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      // Plain http (the test default): a browser must not pin HSTS on it.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('lets other sites show the photos Open311 links to, and nothing else', async () => {
      expect(
        (await plain.inject({ method: 'GET', url: `/api/v1/attachments/${randomUUID()}` })).headers['cross-origin-resource-policy'],
      ).toBe('cross-origin');
      expect((await plain.inject({ method: 'GET', url: '/open311/v2/discovery.json' })).headers['cross-origin-resource-policy']).toBe(
        'same-origin',
      );
    });

    it('sends HSTS when the public address is https', async () => {
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
    });
  });

  describe('CORS allows the configured origins only', () => {
    it.each([
      ['another site', 'https://evil.example'],
      ['a sandboxed frame', 'null'],
      ['a look-alike', `${PARTNER}.evil.example`],
    ])('never reflects %s', async (_what, origin) => {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/v1/reports',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const get = await app.inject({ method: 'GET', url: '/health', headers: { origin } });
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
      const unconfigured = await plain.inject({ method: 'GET', url: '/health', headers: { origin } });
      expect(unconfigured.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers the configured origin', async () => {
      const res = await app.inject({
        method: 'OPTIONS',
        url: '/api/v1/reports',
        headers: { origin: PARTNER, 'access-control-request-method': 'POST' },
      });
      expect(res.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });
  });

  it('writes Open311 links from PUBLIC_BASE_URL, whatever Host or X-Forwarded-Host says', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/open311/v2/discovery.json',
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('evil.example');
    expect(res.json().endpoints[0].url).toBe(`${PUBLIC_BASE}/open311/v2`);
  });

  describe('/metrics', () => {
    const scrape = (target: NestFastifyApplication, remoteAddress: string, headers: Record<string, string> = {}) =>
      target.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

    it('refuses a stranger, a forged forwarded address and a wrong token', async () => {
      expect((await scrape(app, STRANGER)).statusCode).toBe(403);
      expect((await scrape(plain, STRANGER)).statusCode).toBe(403);
      // From a trusted proxy, the forwarded client counts, not the proxy's loopback address.
      expect((await scrape(plain, '127.0.0.1', { 'x-forwarded-for': STRANGER })).statusCode).toBe(403);
      expect((await scrape(app, STRANGER, { authorization: `Bearer ${METRICS_TOKEN.slice(1)}x` })).statusCode).toBe(403);
      expect((await scrape(app, STRANGER, { authorization: 'Bearer ' })).statusCode).toBe(403);
    });

    it('answers the token from anywhere, and the allowed addresses without one', async () => {
      const byToken = await scrape(app, STRANGER, { authorization: `Bearer ${METRICS_TOKEN}` });
      expect(byToken.statusCode).toBe(200);
      expect(byToken.body).toContain('process_cpu_seconds_total');
      expect((await scrape(plain, '127.0.0.1')).statusCode).toBe(200);
      expect((await scrape(plain, '::1')).statusCode).toBe(200);
    });
  });

  it('serves /api/docs only when API_DOCS allows it', async () => {
    for (const url of ['/api/docs', '/api/docs-json']) {
      expect((await plain.inject({ method: 'GET', url })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
  });

  describe('live-event streams', () => {
    it('answers a HEAD at once, headers only', async () => {
      const res = await app.inject({ method: 'HEAD', url: '/api/v1/public/live/reports' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(res.body).toBe('');
    });

    it('limits the streams one client holds open, and frees a place when one closes', async () => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const url = `${await app.getUrl()}/api/v1/public/live/reports`;
      const open = async () => {
        const abort = new AbortController();
        const res = await fetch(url, { signal: abort.signal });
        return { res, close: () => abort.abort() };
      };
      const first = await open();
      const second = await open();
      expect([first.res.status, second.res.status]).toEqual([200, 200]);
      const third = await open();
      expect(third.res.status).toBe(429);
      expect(third.res.headers.get('retry-after')).toBe('30');
      expect(((await third.res.json()) as { code: string }).code).toBe('maps.too_many_streams');

      first.close();
      // The server sees the close a moment later: bounded wait on the condition, not on time.
      let again = await open();
      for (let i = 0; again.res.status === 429 && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 50));
        again = await open();
      }
      expect(again.res.status).toBe(200);
      second.close();
      again.close();
    });
  });
});
