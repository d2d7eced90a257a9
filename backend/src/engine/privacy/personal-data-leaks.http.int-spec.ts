import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { symbols } from 'pino';
import { createHttpApp } from '../http/http-app';
import { callApi, demoTokens, postOpen311Form } from '../../testing/http-client';

/**
 * Nothing personal leaves through a public or aggregate surface. Reports are filed
 * through every channel with contact details and numbers typed into their text, each value
 * unique to this run; then every public answer, /metrics and the API's own log lines are read
 * as raw text and none of the values may appear in them. (Vector tiles are not read: which demo
 * reports a tile holds depends on the seed, and an empty tile proves nothing.)
 */

const PLACE = { lat: 10.7791, lng: 106.6958 };
const stamp = `${Date.now()}`.slice(-8);
const letters = stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
/** A phone number no other suite uses: 09 + 8 digits, the last one told apart by `n`. */
const phone = (n: number) => `09${stamp.slice(0, 7)}${n}`;

const SEEDED = {
  reporterName: `Riêngtư ${letters} Hoa`,
  reporterPhone: phone(1),
  reporterEmail: `bimat.${letters}@example.com`,
  typedPhone: phone(2),
  typedEmail: `go.vao.${letters}@example.net`,
  callerPhone: phone(3),
  open311Name: `Kínđáo ${letters}`,
  open311Phone: phone(4),
  open311Email: `open311.${letters}@example.org`,
  open311TypedPhone: phone(5),
};

/** Each value as it is written, and a phone also without its leading 0 (so +84… is caught too). */
const needles = Object.entries(SEEDED).flatMap(([field, value]) => (/^0\d+$/.test(value) ? [[field, value.slice(1)]] : [[field, value]]));

function leaksIn(text: string): string[] {
  const lower = text.toLowerCase();
  return needles.filter(([, value]) => lower.includes(value.toLowerCase())).map(([field]) => field);
}

describe('nothing personal leaves through public surfaces, metrics or logs (in-process HTTP)', () => {
  let app: NestFastifyApplication;
  let tokens: Record<string, string>;
  const logLines: string[] = [];
  const codes: string[] = [];
  let webReportId = '';

  beforeAll(async () => {
    // The production logger (not the silenced one of createTestHttpApp), at its most talkative,
    // writing to this suite instead of stdout.
    app = await createHttpApp();
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const root = PinoLogger.root as unknown as Record<symbol, unknown> & { level: string };
    root.level = 'trace';
    root[symbols.streamSym] = { write: (line: string) => logLines.push(line) };
    tokens = await demoTokens(app, ['operator']);

    const web = await callApi(app, 'POST', '/api/v1/reports', undefined, {
      category: 'pothole',
      ...PLACE,
      description: `Ổ gà sâu, gọi ${SEEDED.typedPhone} hoặc viết ${SEEDED.typedEmail}`,
      reporter: { name: SEEDED.reporterName, phone: SEEDED.reporterPhone, email: SEEDED.reporterEmail, hideIdentity: false },
      consent: true,
      channel: 'web',
    });
    expect(web.status).toBe(201);
    codes.push(web.body.code);
    webReportId = web.body.id;

    const call = await callApi(app, 'POST', '/api/v1/reports', tokens.operator, {
      category: 'pothole',
      ...PLACE,
      description: `Người gọi ${SEEDED.callerPhone} báo ổ gà`,
      reporter: { phone: SEEDED.callerPhone, hideIdentity: false },
      channel: 'phone',
    });
    expect(call.status).toBe(201);
    codes.push(call.body.code);

    const open311 = await postOpen311Form(app, {
      api_key: 'demo-open311-key',
      service_code: 'pothole',
      lat: String(PLACE.lat),
      long: String(PLACE.lng),
      description: `Ổ gà, liên hệ ${SEEDED.open311TypedPhone}`,
      first_name: SEEDED.open311Name,
      last_name: 'Lê',
      phone: SEEDED.open311Phone,
      email: SEEDED.open311Email,
    });
    expect(open311.statusCode).toBe(201);
    codes.push(open311.json()[0].service_request_id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('files the reports, and what the application logs reaches this suite', () => {
    expect(codes).toHaveLength(3);
    app.get(Logger).log('capture check', 'PersonalDataLeaks');
    expect(logLines.join('')).toContain('capture check');
  });

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url, headers });
    expect(res.statusCode).toBe(200);
    return res.rawPayload.toString('latin1') + res.body;
  };

  it.each([
    ['the public tracking page', () => Promise.all(codes.map((c) => get(`/api/v1/track/${c}`)))],
    ['Open311 requests (JSON)', () => Promise.all(codes.map((c) => get(`/open311/v2/requests/${c}.json`)))],
    ['Open311 requests (XML)', () => Promise.all(codes.map((c) => get(`/open311/v2/requests/${c}.xml`)))],
    ['the Open311 list (JSON and XML)', () => Promise.all([get('/open311/v2/requests.json'), get('/open311/v2/requests.xml')])],
    [
      'the public insights',
      () => Promise.all([get(`/api/v1/public/insights/cell?lat=${PLACE.lat}&lng=${PLACE.lng}&z=14`), get('/api/v1/public/insights/wards')]),
    ],
    ['/metrics', () => Promise.all([get('/metrics')])],
  ])('%s carries none of the seeded values', async (surface, read) => {
    const bodies = await read();
    expect(bodies.join('\n').length).toBeGreaterThan(0);
    // The reports themselves are there, with their descriptions masked rather than left out.
    if (/tracking|Open311/.test(surface)) for (const code of codes) expect(bodies.join('\n')).toContain(code);
    expect(leaksIn(bodies.join('\n'))).toEqual([]);
  });

  it('finds the seeded values where they belong: the report as the operator reads it', async () => {
    const staffView = await callApi(app, 'GET', `/api/v1/reports/${webReportId}`, tokens.operator);
    expect(staffView.status).toBe(200);
    expect(leaksIn(staffView.text)).toEqual(expect.arrayContaining(['reporterName', 'reporterPhone', 'reporterEmail']));
  });

  it('no log line written while filing and reading carries a seeded value', () => {
    expect(leaksIn(logLines.join(''))).toEqual([]);
  });
});
