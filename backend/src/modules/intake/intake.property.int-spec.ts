import { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';

/**
 * Invariant 5, tried on random and hostile input: every malformed submission gets a 4xx that
 * says what is wrong, never a 500, and the database is left exactly as it was.
 */

const VALID = { category: 'pothole', lat: 10.7725, lng: 106.6981, description: 'Ổ gà sâu trước chợ' };
// Wider than the city on every side, so that no coordinate outside it can be a real point.
const CITY_BOX = { lat: [8, 12], lng: [105.5, 108] } as const;
const REPORTER_KEYS = ['name', 'phone', 'email', 'hideIdentity'];

const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    '<script>alert(1)</script>',
    "'; DROP TABLE report; --",
    '${jndi:ldap://x}',
    '../../etc/passwd',
    '%00',
    '\u202e',
  ),
  fc.string({ minLength: 5001, maxLength: 6000 }),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
  fc.constantFrom(1e308, -1e308, 181, -91, 0),
);

/** A valid body with one to three fields broken, or extra hostile keys, so it can never be accepted. */
const brokenBody = fc.oneof(
  fc
    .record({
      field: fc.constantFrom('category', 'lat', 'lng', 'description', 'channel', 'reporter', 'photos', 'attributes', 'address'),
      value: hostileValue,
    })
    .filter(
      ({ field, value }) =>
        !(
          field === 'description' &&
          typeof value === 'string' &&
          value.trim().length >= 5 &&
          value.trim().length <= 5000 &&
          !value.includes('\u0000')
        ),
    )
    .filter(({ field, value }) => !(field === 'address' && typeof value === 'string' && value.length <= 500 && !value.includes('\u0000')))
    .filter(({ field, value }) => !(field === 'attributes' && value !== null && typeof value === 'object' && !Array.isArray(value)))
    .filter(({ field, value }) => !(field === 'photos' && Array.isArray(value) && value.length === 0))
    // Since the 2025 merger the city spans about 8.5–11.5° N and 106.2–107.1° E: a number drawn
    // inside the box could be a real point, so a broken coordinate is never one.
    .filter(({ field, value }) => !(field === 'lat' && typeof value === 'number' && value >= CITY_BOX.lat[0] && value <= CITY_BOX.lat[1]))
    .filter(({ field, value }) => !(field === 'lng' && typeof value === 'number' && value >= CITY_BOX.lng[0] && value <= CITY_BOX.lng[1]))
    // A short lowercase word could be a real category or channel code.
    .filter(
      ({ field, value }) =>
        !((field === 'category' || field === 'channel') && typeof value === 'string' && /^\s*[a-z][a-z0-9_.-]*\s*$/.test(value)),
    )
    // A reporter whose keys are all known fields may well be valid ({"name": "a"}; {} included,
    // and {"": undefined} reaches the server as {}).
    .filter(
      ({ field, value }) =>
        !(
          field === 'reporter' &&
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.keys(JSON.parse(JSON.stringify(value))).every((k) => REPORTER_KEYS.includes(k))
        ),
    )
    .map(({ field, value }) => ({ ...VALID, [field]: value })),
  // ('constructor' and 'prototype' are dropped before validation by the framework's own
  // prototype-pollution guard; '__proto__' is refused by the JSON parser.)
  fc
    .dictionary(fc.constantFrom('__proto__', 'isAdmin', 'status', 'assignedUnitId', 'id'), hostileValue, { minKeys: 1 })
    .map((extra) => ({ ...VALID, ...extra })),
  fc.anything().filter((v) => !(v !== null && typeof v === 'object' && !Array.isArray(v))),
  fc
    .record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) })
    .filter(({ lat, lng }) => lat < CITY_BOX.lat[0] || lat > CITY_BOX.lat[1] || lng < CITY_BOX.lng[0] || lng > CITY_BOX.lng[1])
    .map((p) => ({ ...VALID, ...p })),
);

const rawBody = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"category":', '[]', 'null', '{"__proto__":{"polluted":true}}', '{"a":' + '['.repeat(5000)),
);

describe('intake endpoints under random and hostile input', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let operatorToken: string;
  let reportId: string;

  const snapshot = async () =>
    (
      await db.query(`SELECT (SELECT count(*) FROM report) AS r, (SELECT count(*) FROM report_event) AS e, (SELECT count(*) FROM outbox) AS o,
                            (SELECT count(*) FROM report_caller) AS c, (SELECT count(*) FROM idempotency_key) AS k`)
    )[0];

  beforeAll(async () => {
    ({ app, db } = await createTestHttpAppWithDb());
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator', password: '1022demo!' } });
    operatorToken = login.json().accessToken;
    reportId = (await db.query(`SELECT id FROM report ORDER BY created_at DESC LIMIT 1`))[0].id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('POST /api/v1/reports: JSON bodies that break a rule get a 4xx naming a field, and change nothing', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(brokenBody, fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), async (body, key) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (key !== undefined && /^[\x20-\x7e]*$/.test(key)) headers['idempotency-key'] = key;
        const res = await app.inject({ method: 'POST', url: '/api/v1/reports', headers, payload: JSON.stringify(body) });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        const json = res.json();
        expect(typeof json.code).toBe('string');
        expect(typeof json.message).toBe('string');
        if (json.code === 'validation_failed') expect(json.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('POST /api/v1/reports: malformed payloads and content types get a 4xx, never a 500', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        rawBody,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml'),
        async (payload, type) => {
          const res = await app.inject({ method: 'POST', url: '/api/v1/reports', headers: { 'content-type': type }, payload });
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it('POST /api/v1/reports/:id/callers: broken bodies and ids get a 4xx and change nothing', async () => {
    const before = await snapshot();
    const badCall = fc.oneof(
      fc.record({
        id: fc.constant(reportId),
        body: fc.record({
          phone: hostileValue.filter((v) => typeof v !== 'string' || !/^(\+?84|0)\d{9,10}$/.test(v.replace(/[\s.\-()]/g, ''))),
        }),
      }),
      fc.record({ id: fc.oneof(fc.string({ maxLength: 40 }), fc.uuid()), body: fc.constant({ phone: '0901234567' }) }),
      fc
        .record({ id: fc.constant(reportId), body: fc.anything() })
        .filter(({ body }) => !(body !== null && typeof body === 'object' && 'phone' in body)),
    );
    await fc.assert(
      fc.asyncProperty(badCall, async ({ id, body }) => {
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/reports/${encodeURIComponent(id)}/callers`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${operatorToken}` },
          payload: JSON.stringify(body ?? null),
        });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('GET search, locate, duplicates and caller history answer any query with 2xx or 4xx', async () => {
    const query = fc.dictionary(
      fc.constantFrom('q', 'limit', 'lat', 'lng', 'category', 'text'),
      fc.oneof(hostileString, fc.double().map(String)),
      { maxKeys: 6 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/v1/geo/search', '/api/v1/geo/locate', '/api/v1/reports/duplicates', '/api/v1/callers/x/reports'),
        query,
        async (path, q) => {
          const qs = new URLSearchParams(q).toString();
          const res = await app.inject({ method: 'GET', url: `${path}?${qs}`, headers: { authorization: `Bearer ${operatorToken}` } });
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});
