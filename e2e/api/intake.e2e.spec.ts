import { randomUUID } from 'node:crypto';
import { api, login } from '../support/api';

const BEN_THANH = { lat: 10.7725, lng: 106.6981 };
const FALLEN_TREE_BLOCKING = 'co';

describe('intake over HTTP', () => {
  it('lists the categories citizens pick from, grouped, in both languages', async () => {
    const r = await api('GET', '/api/v1/categories');
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThanOrEqual(25);
    for (const c of r.body)
      expect(c).toMatchObject({
        code: expect.any(String),
        nameVi: expect.any(String),
        nameEn: expect.any(String),
        groupVi: expect.any(String),
      });
    expect(r.body.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['flooding', 'pothole', 'garbage', 'street-light']));
  });

  it.each([
    ['phuong 7 quan 5', 'Phường An Đông', false],
    ['Phường 7, Quận 5', 'Phường An Đông', false],
    ['ben thanh', 'Phường Bến Thành', true],
    ['BẾN THÀNH', 'Phường Bến Thành', true],
  ])('finds %s → %s through the search (current match: %s)', async (q, name, current) => {
    const r = await api('GET', `/api/v1/geo/search?q=${encodeURIComponent(q)}`);
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ name, current });
  });

  it('files a report anonymously, then shows it on the public tracking page', async () => {
    const description = `Rác chất đống đầu hẻm ${randomUUID()}`;
    const created = await api('POST', '/api/v1/reports', {
      json: { category: 'garbage', ...BEN_THANH, description, channel: 'app' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ channel: 'app', ward: { code: '26743' }, trackingUrl: `/track/${created.body.code}` });
    const tracked = await api('GET', `/api/v1/track/${created.body.code}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ code: created.body.code, description });
    // The worker may have routed it already: either way the status and the timeline agree.
    const { status, timeline } = tracked.body;
    expect(['new', 'assigned']).toContain(status);
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(status === 'new' ? ['created'] : ['created', 'assigned']);
    expect(timeline.at(-1).status).toBe(status);
  });

  it('replays a retried submission instead of filing it twice', async () => {
    const key = randomUUID();
    const body = { category: 'pothole', ...BEN_THANH, description: `Ổ gà ${key}` };
    const first = await api('POST', '/api/v1/reports', { json: body, headers: { 'idempotency-key': key } });
    const second = await api('POST', '/api/v1/reports', { json: body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    const changed = await api('POST', '/api/v1/reports', {
      json: { ...body, description: `${body.description}!` },
      headers: { 'idempotency-key': key },
    });
    expect(changed.status).toBe(422);
  });

  it('lets an operator find the caller, spot the duplicate and attach the call to it', async () => {
    const token = await login('operator');
    const phone = `09${String(Date.now()).slice(-8)}`;
    const description = `Cây xanh gãy nhánh đè lên dây điện ${randomUUID()}`;
    const original = await api('POST', '/api/v1/reports', {
      json: { category: 'fallen-tree', ...BEN_THANH, description, attributes: { blocking: FALLEN_TREE_BLOCKING } },
    });
    expect(original.status).toBe(201);

    const dupes = await api(
      'GET',
      `/api/v1/reports/duplicates?category=fallen-tree&lat=10.77255&lng=106.69815&text=${encodeURIComponent('cay gay nhanh de day dien')}`,
      { token },
    );
    expect(dupes.status).toBe(200);
    expect(dupes.body[0]).toMatchObject({ id: original.body.id, distanceM: expect.any(Number), score: expect.any(Number) });
    expect(dupes.body[0].distanceM).toBeLessThan(20);

    const attached = await api('POST', `/api/v1/reports/${original.body.id}/callers`, {
      token,
      json: { phone: `+84 ${phone.slice(1)}`, name: 'Người gọi' },
    });
    expect(attached.status).toBe(201);
    expect(attached.body).toEqual({ id: original.body.id, code: original.body.code, followerCount: 1 });

    const history = await api('GET', `/api/v1/callers/${phone}/reports`, { token });
    expect(history.body).toEqual([expect.objectContaining({ code: original.body.code, relation: 'caller' })]);
    const tracked = await api('GET', `/api/v1/track/${original.body.code}`);
    expect(tracked.body.followerCount).toBe(1);
    expect(JSON.stringify(tracked.body)).not.toContain(phone.slice(2));
  });

  it('keeps the call-centre tools to operators', async () => {
    const leader = await login('leader');
    expect((await api('GET', '/api/v1/reports/duplicates?category=pothole&lat=10.77&lng=106.69', { token: leader })).status).toBe(403);
    expect((await api('GET', '/api/v1/callers/0901234567/reports')).status).toBe(401);
  });

  it('shows a ward official only their own unit’s tickets', async () => {
    const created = await api('POST', '/api/v1/reports', {
      json: { category: 'pothole', ...BEN_THANH, description: `Ổ gà ${randomUUID()}` },
    });
    const saigon = await login('ward.saigon');
    expect((await api('GET', `/api/v1/reports/${created.body.id}`, { token: saigon })).status).toBe(404);
    const operator = await login('operator');
    expect((await api('GET', `/api/v1/reports/${created.body.id}`, { token: operator })).status).toBe(200);
  });
});

describe('intake validation over HTTP', () => {
  it('names a missing required attribute of the category', async () => {
    const r = await api('POST', '/api/v1/reports', {
      json: { category: 'fallen-tree', ...BEN_THANH, description: 'Cây đổ chắn ngang đường' },
    });
    expect(r.status).toBe(400);
    expect(r.body.issues).toEqual([
      expect.objectContaining({ field: 'attributes.blocking', rule: 'required', messageVi: expect.any(String) }),
    ]);
  });

  it('answers in both languages, naming each field and rule', async () => {
    const r = await api('POST', '/api/v1/reports', {
      json: { category: 'pothole', lat: 'x', lng: 106.7, description: 'abc', channel: 'fax' },
    });
    expect(r.status).toBe(400);
    const byField = Object.fromEntries(r.body.issues.map((i: { field: string }) => [i.field, i]));
    expect(Object.keys(byField).sort()).toEqual(['channel', 'description', 'lat']);
    expect(byField.lat).toMatchObject({ rule: 'invalid_type', messageVi: 'Sai kiểu dữ liệu: cần số' });
    expect(byField.description).toMatchObject({ rule: 'too_small', messageVi: 'Cần ít nhất 5 ký tự' });
  });
});
