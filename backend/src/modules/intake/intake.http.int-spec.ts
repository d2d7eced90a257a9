import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { BEN_THANH } from '../../testing/places';

describe('POST /api/v1/reports (in-process, real PostgreSQL and Redis)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => ({ app, db } = await createTestHttpAppWithDb()));
  afterAll(() => app?.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: body as object,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const valid = (description = `Ổ gà sâu giữa làn đường ${randomUUID()}`) => ({ category: 'pothole', ...BEN_THANH, description });

  it('writes the report, its first public event and an outbox row in one go', async () => {
    const res = await post(valid());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      code: expect.stringMatching(/^HCM-\d{6}-[2-9A-HJ-NP-Z]{6}$/),
      status: 'new',
      ward: { code: '26743', name: 'Phường Bến Thành' },
    });
    expect(await count(`SELECT count(*) AS n FROM report WHERE id = $1 AND ward_code = '26743'`, [body.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM report_event WHERE report_id = $1 AND type = 'created' AND is_public`, [body.id])).toBe(
      1,
    );
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE aggregate_id = $1 AND topic = 'report.created'`, [body.id])).toBe(1);
  });

  it('never doubles a report under concurrent retries with one Idempotency-Key', async () => {
    const key = randomUUID();
    const body = valid();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(body, { 'idempotency-key': key })));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    const created = answers.filter((a) => a.statusCode === 201).map((a) => a.json().id);
    expect(new Set(created).size).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM report WHERE description = $1`, [body.description])).toBe(1);
    // Once the first has committed, every retry replays it.
    const again = await post(body, { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(created[0]);
  });

  it('answers 422 to the same key with another body, and writes nothing', async () => {
    const key = randomUUID();
    expect((await post(valid(), { 'idempotency-key': key })).statusCode).toBe(201);
    const other = valid();
    const res = await post(other, { 'idempotency-key': key });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('intake.idempotency_key_reused');
    expect(await count(`SELECT count(*) AS n FROM report WHERE description = $1`, [other.description])).toBe(0);
  });

  it('answers 409 while the first request with a key still holds it', async () => {
    const key = randomUUID();
    // Hold the key's lock from another session, as a first request still inside its transaction would.
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 1022))`, [`anonymous\n${key}`]);
      const res = await post(valid(), { 'idempotency-key': key });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('intake.idempotency_in_progress');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect((await post(valid(), { 'idempotency-key': key })).statusCode).toBe(201);
  });

  it.each([
    [{ lat: 21.0285, lng: 105.8542 }, 'intake.outside_city'],
    [{ lat: 10.35, lng: 107.3 }, 'intake.outside_city'],
  ])('refuses a point outside the city %j with 422 and writes nothing', async (point, code) => {
    const body = { ...valid(), ...point };
    const res = await post(body);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code, issues: expect.arrayContaining([expect.objectContaining({ field: 'lat' })]) });
    expect(await count(`SELECT count(*) AS n FROM report WHERE description = $1`, [body.description])).toBe(0);
  });

  it('rolls everything back when a photo cannot be claimed', async () => {
    const body = { ...valid(), photos: [randomUUID()] };
    const outboxBefore = await count(`SELECT count(*) AS n FROM outbox`);
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('photos');
    expect(await count(`SELECT count(*) AS n FROM report WHERE description = $1`, [body.description])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM outbox`)).toBe(outboxBefore);
  });

  it('requires consent from a citizen who leaves contact details, and normalises the phone', async () => {
    const withContact = { ...valid(), reporter: { name: 'Trần Thị B', phone: '+84 90-123-4568', hideIdentity: false } };
    const refused = await post(withContact);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0]).toMatchObject({ field: 'consent', messageVi: expect.any(String) });
    const accepted = await post({ ...withContact, consent: true });
    expect(accepted.statusCode).toBe(201);
    const [row] = await db.query(`SELECT reporter_phone FROM report WHERE id = $1`, [accepted.json().id]);
    expect(row.reporter_phone).toBe('0901234568');
  });

  it('checks the category and its required attributes', async () => {
    const unknown = await post({ ...valid(), category: 'no-such-category' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues[0]).toMatchObject({ field: 'category', rule: 'unknown_category' });
  });

  it('shows the report on its public tracking page without personal data', async () => {
    const created = (
      await post({
        ...valid(),
        reporter: { name: 'Lê Văn C', phone: '0987654321', email: 'c@example.com', hideIdentity: true },
        consent: true,
      })
    ).json();
    const res = await app.inject({ method: 'GET', url: `/api/v1/track/${created.code.toLowerCase().replace(/-/g, '')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: created.code,
      status: 'new',
      ward: { name: 'Phường Bến Thành' },
      timeline: [{ type: 'created' }],
    });
    expect(res.body).not.toMatch(/0987654321|c@example\.com|Lê Văn C/);
    expect((await app.inject({ method: 'GET', url: '/api/v1/track/HCM-000000-AAAAAA' })).statusCode).toBe(404);
  });
});
