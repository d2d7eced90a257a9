import { api } from '../support/api';
import { baseUrl } from '../support/browser';

// Open311 GeoReport v2 at /open311/v2, driven as a 311 client would: form posts, .json and .xml.
const V2 = '/open311/v2';
const API_KEY = 'demo-open311-key';
const BEN_THANH = { lat: '10.7725', long: '106.6981' };
const REPORTER = { first_name: 'Thảo', last_name: 'Trần', phone: '0912345678', email: 'thao.tran.open311@example.vn' };

interface Reply {
  status: number;
  type: string;
  text: string;
  json: any;
}

async function call(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Reply> {
  const res = await fetch(`${baseUrl}${path}`, { method, body: init.body, headers: init.headers });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // XML or empty
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json };
}

const get = (path: string, headers?: Record<string, string>) => call('GET', path, { headers });
const postForm = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
  return call('POST', path, { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers } });
};

/** Every element <name>…</name> of an XML text. */
const xmlValues = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

function expectErrorList(r: Reply, status: number): void {
  expect(r.status).toBe(status);
  expect(r.type).toBe('application/json; charset=utf-8');
  expect(Array.isArray(r.json)).toBe(true);
  expect(r.json.length).toBeGreaterThan(0);
  for (const e of r.json) {
    expect(e).toEqual({ code: status, description: expect.any(String) });
    expect(e.description.length).toBeGreaterThan(5);
  }
}

async function fileFlooding(extra: Record<string, string | string[]> = {}): Promise<{ id: string; token: string }> {
  const r = await postForm(`${V2}/requests.json`, {
    api_key: API_KEY,
    service_code: 'flooding',
    ...BEN_THANH,
    'attribute[depth]': '20-50cm',
    description: 'Ngập sâu ngang gối trước chợ Bến Thành sau cơn mưa chiều (Open311 e2e).',
    ...extra,
  });
  expect(r.status).toBe(201);
  return { id: r.json[0].service_request_id, token: r.json[0].token };
}

describe('Open311 discovery', () => {
  it('describes the endpoint in JSON', async () => {
    const r = await get(`${V2}/discovery.json`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/json; charset=utf-8');
    expect(r.json).toMatchObject({ changeset: expect.any(String), contact: expect.any(String), key_service: expect.any(String) });
    expect(r.json.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${baseUrl}${V2}`,
        changeset: r.json.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
  });

  it('describes the endpoint in XML', async () => {
    const r = await get(`${V2}/discovery.xml`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/xml; charset=utf-8');
    expect(r.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<discovery>')).toBe(true);
    expect(xmlValues(r.text, 'specification')).toEqual(['http://wiki.open311.org/GeoReport_v2']);
    expect(xmlValues(r.text, 'format')).toEqual(['text/xml', 'application/json']);
    expect(xmlValues(r.text, 'url')).toEqual([`${baseUrl}${V2}`]);
  });
});

describe('Open311 services', () => {
  it('lists exactly the public categories, Vietnamese first', async () => {
    const [services, categories] = await Promise.all([get(`${V2}/services.json`), api('GET', '/api/v1/categories')]);
    expect(services.status).toBe(200);
    expect(categories.status).toBe(200);
    const publicCodes = categories.body.filter((c: any) => c.isPublic).map((c: any) => c.code);
    expect(services.json.map((s: any) => s.service_code).sort()).toEqual([...publicCodes].sort());
    expect(services.json.map((s: any) => s.service_code)).toEqual(expect.arrayContaining(['pothole', 'flooding']));
    expect(services.json.map((s: any) => s.service_code)).not.toContain('public-order');
    const pothole = services.json.find((s: any) => s.service_code === 'pothole');
    expect(pothole).toEqual({
      service_code: 'pothole',
      service_name: 'Ổ gà, ổ voi trên đường',
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: expect.stringContaining('ổ gà, '),
      group: 'Hạ tầng giao thông',
    });
    expect(services.json.find((s: any) => s.service_code === 'garbage').metadata).toBe(false);
  });

  it('answers in English with ?locale=en or Accept-Language: en', async () => {
    const byParam = await get(`${V2}/services.json?locale=en`);
    const byHeader = await get(`${V2}/services.json`, { 'accept-language': 'en-GB,en;q=0.9' });
    for (const r of [byParam, byHeader]) {
      const pothole = r.json.find((s: any) => s.service_code === 'pothole');
      expect(pothole.service_name).toBe('Pothole');
      expect(pothole.group).toBe('Transport infrastructure');
    }
    expect((await get(`${V2}/services.json?locale=fr`)).status).toBe(400);
  });

  it('lists the same services in XML', async () => {
    const [json, xml] = await Promise.all([get(`${V2}/services.json`), get(`${V2}/services.xml`)]);
    expect(xml.type).toBe('text/xml; charset=utf-8');
    expect(xmlValues(xml.text, 'service_code')).toEqual(json.json.map((s: any) => s.service_code));
    expect(xml.text.match(/<service>/g)).toHaveLength(json.json.length);
  });

  it('defines a service with its attributes', async () => {
    const r = await get(`${V2}/services/flooding.json`);
    expect(r.status).toBe(200);
    expect(r.json.service_code).toBe('flooding');
    const depth = r.json.attributes.find((a: any) => a.code === 'depth');
    expect(depth).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: true, order: 1, description: 'Độ sâu ngập' });
    expect(depth.values.map((v: any) => v.key)).toEqual(['duoi-20cm', '20-50cm', 'tren-50cm']);
    expect(depth.values[0]).toEqual({ key: 'duoi-20cm', name: expect.stringContaining('Dưới 20 cm') });

    const xml = await get(`${V2}/services/flooding.xml?locale=en`);
    expect(xml.text).toContain(
      '<service_definition><service_code>flooding</service_code><attributes><attribute><variable>true</variable><code>depth</code>',
    );
    expect(xmlValues(xml.text, 'description')).toContain('Water depth');
  });

  it('answers 404 with the error list for an unknown or non-public service', async () => {
    expectErrorList(await get(`${V2}/services/no-such-service.json`), 404);
    expectErrorList(await get(`${V2}/services/public-order.json`), 404);
    const xml = await get(`${V2}/services/no-such-service.xml`);
    expect(xml.status).toBe(404);
    expect(xml.type).toBe('text/xml; charset=utf-8');
    expect(xml.text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<errors><error><code>404<\/code><description>[^<]+<\/description><\/error><\/errors>/,
    );
  });

  it('refuses a format it does not serve', async () => {
    expectErrorList(await get(`${V2}/services.csv`), 400);
  });
});

describe('Open311 POST and GET a request', () => {
  let id: string;
  let token: string;

  beforeAll(async () => {
    ({ id, token } = await fileFlooding({ ...REPORTER, account_id: 'e2e-account-7', 'attribute[cause]': 'mua' }));
  });

  it('answers the tracking code and a token at once', async () => {
    expect(id).toMatch(/^HCM-\d{6}-[2-9A-HJ-NP-Z]{6}$/);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    const again = await fileFlooding({ account_id: 'e2e-account-7' });
    expect(again.id).not.toBe(id);
  });

  it('echoes account_id and a service notice', async () => {
    const r = await postForm(`${V2}/requests.json`, {
      api_key: API_KEY,
      service_code: 'pothole',
      ...BEN_THANH,
      account_id: 'acc-42',
      description: 'Ổ gà lớn giữa làn xe máy.',
    });
    expect(r.status).toBe(201);
    expect(r.type).toBe('application/json; charset=utf-8');
    expect(r.json).toEqual([
      {
        service_request_id: expect.any(String),
        token: expect.any(String),
        service_notice: expect.stringContaining('Phường Bến Thành'),
        account_id: 'acc-42',
        reporter_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        reporter_url: expect.stringContaining('#secret='),
      },
    ]);
  });

  it('serves the request as JSON, open, in +07:00, without any reporter data', async () => {
    const r = await get(`${V2}/requests/${id}.json`);
    expect(r.status).toBe(200);
    expect(r.json).toHaveLength(1);
    const request = r.json[0];
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'flooding',
      service_name: 'Ngập nước đường phố',
      lat: 10.7725,
      long: 106.6981,
    });
    expect(request.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(request.updated_datetime).toMatch(/\+07:00$/);
    expect(Math.abs(Date.parse(request.requested_datetime) - Date.now())).toBeLessThan(10 * 60_000);
    expect(Object.keys(request).sort()).toEqual(
      [
        'service_request_id',
        'status',
        'status_notes',
        'service_name',
        'service_code',
        'description',
        'agency_responsible',
        'service_notice',
        'requested_datetime',
        'updated_datetime',
        'expected_datetime',
        'address',
        'address_id',
        'zipcode',
        'lat',
        'long',
        'media_url',
      ].sort(),
    );
    for (const personal of Object.values(REPORTER)) expect(r.text).not.toContain(personal);
    expect(r.text).not.toContain('e2e-account-7');
  });

  it('serves the request as XML without any reporter data', async () => {
    const r = await get(`${V2}/requests/${id}.xml`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/xml; charset=utf-8');
    expect(r.text).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`);
    expect(xmlValues(r.text, 'requested_datetime')[0]).toMatch(/\+07:00$/);
    for (const personal of Object.values(REPORTER)) expect(r.text).not.toContain(personal);
  });

  it('turns the token into the tracking code', async () => {
    const r = await get(`${V2}/tokens/${token}.json`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual([{ service_request_id: id, token }]);
    const xml = await get(`${V2}/tokens/${token}.xml`);
    expect(xml.text).toContain(`<request><service_request_id>${id}</service_request_id><token>${token}</token></request>`);
    expectErrorList(await get(`${V2}/tokens/00000000-0000-4000-8000-000000000000.json`), 404);
    expectErrorList(await get(`${V2}/tokens/not-a-token.json`), 404);
  });

  it('answers 404 for an unknown request', async () => {
    expectErrorList(await get(`${V2}/requests/HCM-000000-ZZZZZZ.json`), 404);
  });
});

describe('Open311 POST errors', () => {
  it('refuses a request without an api_key, or with a wrong one, with 403', async () => {
    expectErrorList(await postForm(`${V2}/requests.json`, { service_code: 'flooding', ...BEN_THANH }), 403);
    const xml = await postForm(`${V2}/requests.xml`, { api_key: 'not-the-key', service_code: 'flooding', ...BEN_THANH });
    expect(xml.status).toBe(403);
    expect(xml.text).toContain('<errors><error><code>403</code><description>');
  });

  it('answers a missing or unknown service_code with the error list', async () => {
    expectErrorList(await postForm(`${V2}/requests.json`, { api_key: API_KEY, ...BEN_THANH }), 400);
    const unknown = await postForm(`${V2}/requests.json?locale=en`, { api_key: API_KEY, service_code: 'no-such-service', ...BEN_THANH });
    expectErrorList(unknown, 404);
    expect(unknown.json[0].description).toMatch(/^service_code: /);
  });

  it('refuses a point outside the city with 400 naming lat and long', async () => {
    const r = await postForm(`${V2}/requests.json?locale=en`, {
      api_key: API_KEY,
      service_code: 'flooding',
      lat: '21.0285',
      long: '105.8542',
      'attribute[depth]': '20-50cm',
    });
    expectErrorList(r, 400);
    expect(r.json.map((e: any) => e.description.split(':')[0]).sort()).toEqual(['lat', 'long']);
    expect(r.json[0].description).toContain('outside Ho Chi Minh City');
  });

  it.each<[string, Record<string, string>, string]>([
    ['no location at all', { 'attribute[depth]': '20-50cm' }, 'location'],
    ['lat without long', { lat: '10.7725', 'attribute[depth]': '20-50cm' }, 'long'],
    ['a latitude that is not a number', { lat: 'north', long: '106.6981', 'attribute[depth]': '20-50cm' }, 'lat'],
    ['a missing required attribute', { ...BEN_THANH }, 'attribute[depth]'],
    ['a value outside the list', { ...BEN_THANH, 'attribute[depth]': 'sâu lắm' }, 'attribute[depth]'],
    ['a phone number that is not one', { ...BEN_THANH, 'attribute[depth]': '20-50cm', phone: '12345' }, 'phone'],
    ['an address that names no ward', { address_string: '12 Đường Không Tên', 'attribute[depth]': '20-50cm' }, 'address_string'],
    ['a former ward since split in two', { address_string: 'Phường 7, Quận 8', 'attribute[depth]': '20-50cm' }, 'address_string'],
  ])('answers 400 for %s, naming the field', async (_, fields, field) => {
    const r = await postForm(`${V2}/requests.json?locale=en`, { api_key: API_KEY, service_code: 'flooding', ...fields });
    expectErrorList(r, 400);
    expect(r.json.map((e: any) => e.description)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `))]),
    );
  });
});

describe('Open311 POST encodings and addresses', () => {
  it('places an address-only request in the ward that succeeded the old one (Phường 7, Quận 5 → Phường An Đông)', async () => {
    const created = await postForm(`${V2}/requests.json`, {
      api_key: API_KEY,
      service_code: 'flooding',
      address_string: 'Phường 7, Quận 5',
      'attribute[depth]': 'duoi-20cm',
      description: 'Nước ngập mắt cá chân (e2e địa chỉ).',
    });
    expect(created.status).toBe(201);
    expect(created.json[0].service_notice).toContain('Phường An Đông');
    const request = (await get(`${V2}/requests/${created.json[0].service_request_id}.json`)).json[0];
    expect(request.address).toBe('Phường 7, Quận 5');

    const wards = await api('GET', '/api/v1/geo/wards');
    const anDong = wards.body.features.find((f: any) => f.properties.code === '27316');
    expect(anDong.properties.name).toBe('Phường An Đông');
    expect(request.lat).toBeCloseTo(anDong.properties.labelLat, 5);
    expect(request.long).toBeCloseTo(anDong.properties.labelLng, 5);
  });

  it('accepts multipart without files, and refuses a file in it', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      api_key: API_KEY,
      service_code: 'street-light',
      ...BEN_THANH,
      'attribute[state]': 'tat',
      description: 'Đèn đường tắt cả tuần (multipart).',
    }))
      form.append(k, v);
    const ok = await call('POST', `${V2}/requests.json`, { body: form });
    expect(ok.status).toBe(201);
    expect(ok.json[0].service_request_id).toMatch(/^HCM-/);

    form.append('media', new Blob(['not really a photo'], { type: 'image/jpeg' }), 'photo.jpg');
    expectErrorList(await call('POST', `${V2}/requests.json`, { body: form }), 400);
  });

  it('accepts JSON, with attributes nested', async () => {
    const body = JSON.stringify({
      api_key: API_KEY,
      service_code: 'pothole',
      lat: 10.7725,
      long: 106.6981,
      attribute: { size: 'lon' },
      description: 'Ổ voi rộng hơn một mét (JSON).',
    });
    const r = await call('POST', `${V2}/requests.json`, { body, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(201);
  });

  it('replays the first answer for a retried Idempotency-Key, with a new reporter secret replacing the first', async () => {
    const key = `open311-e2e-${Date.now()}`;
    const fields = {
      api_key: API_KEY,
      service_code: 'noise',
      ...BEN_THANH,
      'attribute[source]': 'karaoke',
      description: 'Karaoke sau 22 giờ (e2e idempotency).',
    };
    const first = await postForm(`${V2}/requests.json`, fields, { 'idempotency-key': key });
    const retry = await postForm(`${V2}/requests.json`, fields, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    // Only the secret's hash is kept, so a replay cannot repeat it: it answers a new one.
    const { reporter_secret: firstSecret, reporter_url: _firstUrl, ...firstRest } = first.json[0];
    const { reporter_secret: retrySecret, reporter_url: retryUrl, ...retryRest } = retry.json[0];
    expect(retryRest).toEqual(firstRest);
    expect(retrySecret).not.toBe(firstSecret);
    expect(retryUrl).toContain(`#secret=${retrySecret}`);
  });
});

describe('Open311 GET requests', () => {
  let open: { id: string; token: string };
  let window: string;

  beforeAll(async () => {
    open = await fileFlooding();
    const created = Date.parse((await get(`${V2}/requests/${open.id}.json`)).json[0].requested_datetime);
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    window = `start_date=${encodeURIComponent(iso(created - 60_000))}&end_date=${encodeURIComponent(iso(created + 60_000))}`;
  });

  it('lists the last 90 days newest first, at most 1000, public categories only', async () => {
    const r = await get(`${V2}/requests.json`);
    expect(r.status).toBe(200);
    expect(r.json.length).toBeGreaterThan(0);
    expect(r.json.length).toBeLessThanOrEqual(1000);
    const times = r.json.map((q: any) => Date.parse(q.requested_datetime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Date.now() - times.at(-1)).toBeLessThanOrEqual(90 * 86_400_000 + 60_000);
    for (const q of r.json) {
      expect(['open', 'closed']).toContain(q.status);
      expect(q.service_code).not.toBe('public-order');
    }
  });

  it('filters by status, service_code and dates', async () => {
    const match = await get(`${V2}/requests.json?status=open&service_code=flooding,pothole&${window}`);
    expect(match.status).toBe(200);
    expect(match.json.map((q: any) => q.service_request_id)).toContain(open.id);
    for (const q of match.json) {
      expect(q.status).toBe('open');
      expect(['flooding', 'pothole']).toContain(q.service_code);
    }
    const closed = await get(`${V2}/requests.json?status=closed&service_code=flooding&${window}`);
    expect(closed.json.map((q: any) => q.service_request_id)).not.toContain(open.id);
    const otherService = await get(`${V2}/requests.json?service_code=pothole&${window}`);
    expect(otherService.json.map((q: any) => q.service_request_id)).not.toContain(open.id);
    const earlier = await get(`${V2}/requests.json?start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-01-31T00:00:00%2B07:00`);
    expect(earlier.json.map((q: any) => q.service_request_id)).not.toContain(open.id);
  });

  it('selects by tracking codes, over every other filter', async () => {
    const second = await fileFlooding();
    const r = await get(`${V2}/requests.xml?service_request_id=${open.id},${second.id}&status=closed&service_code=pothole`);
    expect(r.status).toBe(200);
    expect(xmlValues(r.text, 'service_request_id').sort()).toEqual([open.id, second.id].sort());
  });

  it.each([
    ['a span over 90 days', 'start_date=2026-01-01&end_date=2026-06-01', 'start_date'],
    ['a date that is not one', 'start_date=yesterday', 'start_date'],
    ['an unknown status', 'status=pending', 'status'],
  ])('answers 400 for %s', async (_, query, field) => {
    const r = await get(`${V2}/requests.json?${query}`);
    expectErrorList(r, 400);
    expect(r.json[0].description.startsWith(`${field}: `)).toBe(true);
  });
});
