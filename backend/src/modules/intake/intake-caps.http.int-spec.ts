import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { postOpen311Form } from '../../testing/http-client';
import { BEN_THANH } from '../../testing/places';

describe('input caps over HTTP: attributes by the category’s definition, bounded bodies', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => ({ app, db } = await createTestHttpAppWithDb()));
  afterAll(() => app?.close());

  const file = (attributes: unknown, description = `Ngập sâu trước chợ ${randomUUID()}`) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'flooding', ...BEN_THANH, description, attributes } as object,
      headers: { 'content-type': 'application/json' },
    });
  const written = async (description: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM report WHERE description = $1`, [description]))[0].n);
  const fields = (res: { json: () => any }) => res.json().issues.map((i: { field: string }) => i.field);

  it('refuses attribute codes the category does not ask, naming attributes, and writes nothing', async () => {
    const description = `Ngập sâu trước chợ ${randomUUID()}`;
    const res = await file({ depth: '20-50cm', colour: 'nâu' }, description);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'intake.unknown_attribute', messageVi: expect.stringContaining('colour') });
    expect(fields(res)).toEqual(['attributes']);
    expect(await written(description)).toBe(0);
    expect((await file({ depth: '20-50cm' })).statusCode).toBe(201);
  });

  it('refuses more answers than any category asks before looking them up', async () => {
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`q${i}`, 'x']));
    const res = await file(many);
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['attributes']);
  });

  it('refuses 9,000 unknown keys (926 KB) with 413 before parsing them', async () => {
    const huge = Object.fromEntries(Array.from({ length: 9000 }, (_, i) => [`key_${i}`, 'x'.repeat(90)]));
    const res = await file(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
  });

  it('refuses a NUL character in an attribute with a 400 naming it, not a 500', async () => {
    const res = await file({ depth: '20-50cm\u0000' });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['attributes.depth']);
  });

  it('refuses unknown Open311 attributes by the service definition, in its field names', async () => {
    const res = await postOpen311Form(
      app,
      {
        api_key: 'demo-open311-key',
        service_code: 'flooding',
        lat: '10.7725',
        long: '106.6981',
        'attribute[depth]': '20-50cm',
        'attribute[colour]': 'brown',
        description: `Ngập ${randomUUID()}`,
      },
      '?locale=en',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: expect.stringMatching(/^attribute: .*colour/) }]);
  });

  it('caps the parts of a multipart Open311 request before reading them all', async () => {
    const boundary = 'x1022';
    const parts = [
      ['api_key', 'demo-open311-key'],
      ['service_code', 'flooding'],
      ...Array.from({ length: 300 }, (_, i) => [`attribute[k${i}]`, 'v']),
    ];
    const payload =
      parts.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
      `--${boundary}--\r\n`;
    const res = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: 'Too many parts' }]);
  });

  it.each([
    [
      'an Open311 request',
      '/open311/v2/requests.json',
      'application/x-www-form-urlencoded',
      `api_key=demo-open311-key&description=${'x'.repeat(140 * 1024)}`,
    ],
    ['a sign-in', '/api/v1/auth/login', 'application/json', JSON.stringify({ username: 'admin', password: 'x'.repeat(9 * 1024) })],
    ['a citizen reply', '/api/v1/track/HCM-000000-ZZZZZZ/reply', 'application/json', JSON.stringify({ message: 'x'.repeat(40 * 1024) })],
  ])('caps the body of %s with 413', async (_, url, contentType, payload) => {
    const res = await app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });
    expect(res.statusCode).toBe(413);
  });
});
