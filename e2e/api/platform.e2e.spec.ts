import { api, DEMO_PASSWORD, login } from '../support/api';

describe('platform endpoints', () => {
  it('answers /health and /ready with every dependency up', async () => {
    expect((await api('GET', '/health')).body).toEqual({ status: 'ok' });
    const ready = await api('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ database: { status: 'ok' }, redis: { status: 'ok' }, migrations: { status: 'ok' } });
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await api('GET', '/health');
    const r = await api('GET', '/metrics');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/plain/);
    expect(r.body).toMatch(/http_request_duration_seconds_bucket\{.*route="\/health"/);
    expect(r.body).toMatch(/process_cpu_seconds_total/);
  });

  it('describes the API with OpenAPI at /api/docs-json and serves the docs page', async () => {
    const doc = await api('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/geo/wards']));
    const login = doc.body.paths['/api/v1/auth/login'].post;
    const ref = login.requestBody.content['application/json'].schema.$ref as string;
    const schema = doc.body.components.schemas[ref.split('/').pop()!];
    expect(schema.required).toEqual(expect.arrayContaining(['username', 'password']));
    const page = await api('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(String(page.body)).toMatch(/swagger/i);
  });

  it('serves the web app on the same port, with client routes falling back to it', async () => {
    for (const path of ['/', '/map', '/login', '/leader']) {
      const r = await api('GET', path);
      expect(r.status).toBe(200);
      expect(String(r.body)).toMatch(/<div id="root">/);
    }
  });

  it('answers unknown API paths and missing assets with 404, not the web app', async () => {
    const unknown = await api('GET', '/api/v1/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    expect((await api('GET', '/assets/no-such-file.js')).status).toBe(404);
  });

  it('rejects malformed JSON with a 400, not a 500', async () => {
    const r = await fetch(`${process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100'}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect(r.status).toBe(400);
  });

  it('keeps the demo password working for every demo account', async () => {
    for (const u of ['admin', 'leader', 'operator', 'ward.benthanh', 'ward.saigon', 'dept.xaydung']) {
      await expect(login(u)).resolves.toEqual(expect.any(String));
    }
    expect(DEMO_PASSWORD).toBe('1022demo!');
  });
});
