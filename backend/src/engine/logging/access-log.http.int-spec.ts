import { Logger as NestLogger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../http/http-app';
import { demoTokens } from '../../testing/http-client';
import { captureAppLogs, parsedLines } from '../../testing/log-capture';

/**
 * The API writes one access log line per request through its production logger — method, route,
 * status, duration, request id, client address — and never a secret, a searched number or an
 * API key that came in the URL or the headers.
 */

const stamp = `${Date.now()}`.slice(-7);
const SECRET = `s3cret-${stamp}-kLmNoPqRsTuV`;
const PHONE = `098${stamp}`;
const API_KEY = 'demo-open311-key';

describe('the API access log (in-process HTTP, production logger)', () => {
  let app: NestFastifyApplication;
  let logs: ReturnType<typeof captureAppLogs>;
  let operator = '';

  beforeAll(async () => {
    app = await createHttpApp();
    // A line written while handling a request, as a service would write one.
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('preHandler', async (req) => {
        if (req.headers['x-log-probe']) new NestLogger('Probe').log('handling');
      });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    logs = captureAppLogs();
    operator = (await demoTokens(app, ['operator'])).operator;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The access lines written for the requests made by `act`. */
  const accessLinesOf = async (act: () => Promise<unknown>) => {
    const from = logs.lines.length;
    await act();
    return parsedLines(logs.lines.slice(from)).filter((l) => l.msg === 'request completed' || l.msg === 'request failed');
  };

  it('writes one line per request with method, route, status, duration, request id and address', async () => {
    let requestId: unknown;
    const lines = await accessLinesOf(async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/categories', remoteAddress: '203.0.113.7' });
      expect(res.statusCode).toBe(200);
      requestId = res.headers['x-request-id'];
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      method: 'GET',
      route: '/api/v1/categories',
      url: '/api/v1/categories',
      status: 200,
      ip: '203.0.113.7',
    });
    expect(lines[0].reqId).toBe(requestId);
    expect(typeof lines[0].reqId === 'string' && /^[0-9a-f-]{36}$/.test(lines[0].reqId)).toBe(true);
    expect(typeof lines[0].ms).toBe('number');
  });

  it("gives the lines written while handling a request that request's id", async () => {
    const from = logs.lines.length;
    const res = await app.inject({ method: 'GET', url: '/api/v1/categories', headers: { 'x-log-probe': '1' } });
    const lines = parsedLines(logs.lines.slice(from));
    expect(lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['handling', res.headers['x-request-id']],
      ['request completed', res.headers['x-request-id']],
    ]);
    // Never the request itself: its URL and headers may hold secrets (pino-http's `req` binding).
    expect(lines[0].req).toBeUndefined();
  });

  it('logs a reporter secret neither from the header nor from the query', async () => {
    const lines = await accessLinesOf(() =>
      app.inject({
        method: 'GET',
        url: `/api/v1/track/HCM-00-000000?k=${SECRET}`,
        headers: { 'x-reporter-secret': SECRET, 'x-log-probe': '1' },
      }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ route: '/api/v1/track/:code', url: '/api/v1/track/HCM-00-000000?k=[…]', status: 404 });
    expect(logs.text()).not.toContain(SECRET);
  });

  it('logs the caller-history route without the number searched, and Open311 without its API key', async () => {
    const lines = await accessLinesOf(async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/callers/${PHONE}/reports`,
        headers: { authorization: `Bearer ${operator}` },
      });
      expect(res.statusCode).toBe(200);
      await app.inject({ method: 'GET', url: `/open311/v2/requests.json?api_key=${API_KEY}&status=open` });
    });
    expect(lines.map((l) => [l.route, l.url])).toEqual([
      ['/api/v1/callers/:phone/reports', '/api/v1/callers/[…]/reports'],
      ['/open311/v2/requests.:format', '/open311/v2/requests.json?api_key=[…]&status=open'],
    ]);
    expect(logs.text()).not.toContain(PHONE.slice(1));
    expect(logs.text()).not.toContain(API_KEY);
    expect(logs.text()).not.toContain(operator);
  });

  it('logs an unknown path with its values masked, and leaves the probes out', async () => {
    const lines = await accessLinesOf(async () => {
      await app.inject({ method: 'GET', url: `/api/v1/nowhere/${PHONE}` });
      await app.inject({ method: 'GET', url: '/health' });
      await app.inject({ method: 'GET', url: '/metrics' });
    });
    // The web app's fallback route (`/*`) takes it when the frontend is built, else no route does.
    expect(lines.map((l) => [l.url, l.status])).toEqual([['/api/v1/nowhere/[…]', 404]]);
    expect(logs.text()).not.toContain(PHONE.slice(1));
  });
});
