import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { demoTokens } from '../../testing/http-client';
import { PUBLIC_SNAP_M, toMercator, WORLD_M } from '../maps/tile-grid';
import type {
  ChangeCells,
  PublicCellInsights,
  PublicWardsInsights,
  RecurringLocations,
  UnitRanking,
  UnitRankings,
  WardInsights,
  WardsInsights,
} from './insights.dto';

/**
 * The leaders' figures against known reports. Each run writes its reports for handling units of
 * its own, in a 60-day window years before the demo data, so the unit filter (and, for the
 * rankings, the window) isolates them and every figure can be asserted exactly.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const M_PER_DEG_LAT = 111_320;
const BEN_THANH = { code: '26743', lat: 10.7725, lng: 106.6981 };
const SAI_GON = '26740';
const R = WORLD_M / (2 * Math.PI);

interface LatLng {
  lat: number;
  lng: number;
}

const east = (p: LatLng, metres: number): LatLng => ({
  lat: p.lat,
  lng: p.lng + metres / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180)),
});
const metres = (a: LatLng, b: LatLng) =>
  Math.hypot((a.lat - b.lat) * M_PER_DEG_LAT, (a.lng - b.lng) * M_PER_DEG_LAT * Math.cos((a.lat * Math.PI) / 180));
const fromMercator = (x: number, y: number): LatLng => ({
  lng: (x / R) * (180 / Math.PI),
  lat: (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI),
});

describe('leaders’ insight figures (in-process, real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const run = randomUUID().slice(0, 8);
  // A 60-day window in 2016–2023, well before the demo reports (the last year) and the suites' own (now).
  const T0 = Date.UTC(2016, 0, 1, 3) + Math.floor(Math.random() * 2_900) * DAY;
  const at = (days: number, hours = 0) => new Date(T0 + days * DAY + hours * HOUR);
  const window = (days = 10) => `from=${at(0).toISOString()}&to=${at(days).toISOString()}`;
  const units: Record<string, string> = {};
  const codes: Record<string, string> = {};
  let population: number;
  let saiGon: LatLng;
  let place: LatLng;
  let seq = 0;

  const get = (url: string, user?: string) =>
    app.inject({ method: 'GET', url, headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} });

  async function unit(key: string, kind: 'utility' | 'department'): Promise<void> {
    const [row] = await db.query(
      `INSERT INTO handling_unit (code, name, name_en, kind, parent_id)
       VALUES ($1, $2, $3, $4, (SELECT id FROM handling_unit WHERE code = 'UBND-TP')) RETURNING id`,
      [`TEST-INS-${run}-${key}`, `Đơn vị kiểm thử ${key} ${run}`, `Test unit ${key} ${run}`, kind],
    );
    units[key] = row.id;
  }

  async function report(
    key: string,
    r: {
      unit: string;
      category: string;
      ward?: string;
      where?: LatLng;
      created: Date;
      status: string;
      resolved?: Date;
      closed?: Date;
      due?: Date;
      onTime?: boolean;
      rating?: number;
    },
  ): Promise<void> {
    const where = r.where ?? BEN_THANH;
    const [row] = await db.query(
      `INSERT INTO report (code, channel, category_id, description, point, admin_unit_id, ward_code, assigned_unit_id, status, created_at, updated_at,
                           resolved_at, closed_at, resolution_due_at, resolved_on_time, reporter_name, reporter_phone, reporter_email)
       SELECT $1, 'web', c.id, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), a.id, a.code, $5, $6::report_status, $7, $7, $8, $9, $10, $11,
              'Nguyễn Văn Kiểm', '0901234567', 'kiem.thu@example.com'
         FROM category c, admin_unit a WHERE c.code = $12 AND a.code = $13 AND a.valid_to IS NULL
       RETURNING id`,
      [
        `TI${run}-${++seq}`,
        `Phản ánh kiểm thử số liệu ${run} ${key}`,
        where.lng,
        where.lat,
        units[r.unit] ?? null,
        r.status,
        r.created,
        r.resolved ?? null,
        r.closed ?? null,
        r.due ?? null,
        r.onTime ?? null,
        r.category,
        r.ward ?? BEN_THANH.code,
      ],
    );
    expect(row).toBeDefined();
    codes[key] = `TI${run}-${seq}`;
    if (r.rating) {
      await db.query(
        `INSERT INTO report_event (report_id, type, data, created_at) VALUES ($1, 'closed', jsonb_build_object('rating', $2::int), $3)`,
        [row.id, r.rating, r.closed ?? r.resolved],
      );
    }
  }

  beforeAll(async () => {
    ({ app, db } = await createTestHttpAppWithDb());
    Object.assign(tokens, await demoTokens(app, ['leader', 'admin', 'ward.benthanh']));
    [{ population }] = await db.query(`SELECT population FROM admin_unit WHERE code = $1 AND valid_to IS NULL`, [BEN_THANH.code]);
    const [sg] = await db.query(
      `SELECT ST_Y(label_point) AS lat, ST_X(label_point) AS lng FROM admin_unit WHERE code = $1 AND valid_to IS NULL`,
      [SAI_GON],
    );
    saiGon = { lat: sg.lat, lng: sg.lng };

    for (const [key, kind] of [
      ['U1', 'utility'],
      ['U2', 'utility'],
      ['U3', 'department'],
      ['U4', 'utility'],
      ['U5', 'utility'],
      ['U6', 'utility'],
    ] as const)
      await unit(key, kind);
    const future = new Date(Date.now() + 30 * DAY);

    // U1, all in Phường Bến Thành, window [T0, T0 + 10 d).
    await report('r1', {
      unit: 'U1',
      category: 'garbage',
      created: at(1),
      status: 'closed',
      resolved: at(1, 10),
      closed: at(2),
      onTime: true,
      rating: 5,
    });
    await report('r2', {
      unit: 'U1',
      category: 'garbage',
      created: at(2),
      status: 'resolved',
      resolved: at(2, 30),
      onTime: false,
      rating: 3,
    });
    await report('r3', { unit: 'U1', category: 'pothole', created: at(3), status: 'resolved', resolved: at(3, 20), onTime: true });
    await report('r4', { unit: 'U1', category: 'garbage', created: at(4), status: 'in_progress', due: future });
    await report('r5', { unit: 'U1', category: 'pothole', created: at(5), status: 'assigned', due: at(6) });
    await report('r6', { unit: 'U1', category: 'noise', created: at(6), status: 'rejected' });
    await report('r7', { unit: 'U1', category: 'garbage', created: at(-20), status: 'assigned', due: at(-19) });
    await report('r8', { unit: 'U1', category: 'garbage', created: at(-5), status: 'resolved', resolved: at(1), onTime: true });
    // U2 and U3 in Phường Sài Gòn; U4 resolved nothing; U6 ties U1 on the rate but is rated better.
    await report('u2a', {
      unit: 'U2',
      category: 'garbage',
      ward: SAI_GON,
      where: saiGon,
      created: at(1),
      status: 'closed',
      resolved: at(1, 5),
      closed: at(2),
      onTime: true,
      rating: 4,
    });
    await report('u2b', {
      unit: 'U2',
      category: 'garbage',
      ward: SAI_GON,
      where: saiGon,
      created: at(2),
      status: 'closed',
      resolved: at(2, 50),
      closed: at(5),
      onTime: false,
      rating: 2,
    });
    await report('u3a', {
      unit: 'U3',
      category: 'pothole',
      ward: SAI_GON,
      where: saiGon,
      created: at(1),
      status: 'closed',
      resolved: at(1, 8),
      closed: at(2),
      onTime: true,
      rating: 1,
    });
    await report('u4a', { unit: 'U4', category: 'garbage', ward: SAI_GON, where: saiGon, created: at(2), status: 'assigned', due: future });
    for (const [k, onTime, rating] of [
      [1, true, 5],
      [2, true, 4],
      [3, true, undefined],
      [4, false, undefined],
    ] as const) {
      await report(`u6${k}`, {
        unit: 'U6',
        category: 'garbage',
        ward: SAI_GON,
        where: saiGon,
        created: at(k),
        status: 'resolved',
        resolved: at(k, 4),
        onTime,
        rating,
      });
    }

    // U5: a garbage problem fixed and reported again at one place in Phường Sài Gòn, window [T0, T0 + 60 d).
    // A random spot (earlier runs' reports are elsewhere) 400–600 m from the label point, where the
    // other units' reports are, so no chain takes theirs in ("far" stays 200 m or more from it too).
    const side = Math.random() < 0.5 ? -1 : 1;
    place = east({ lat: saiGon.lat + (Math.random() - 0.5) * 0.002, lng: saiGon.lng }, side * (400 + Math.random() * 200));
    const u5 = { unit: 'U5', ward: SAI_GON };
    // No SLA verdict on a and b (as imported history), so U5 stays out of the rankings above.
    await report('a', { ...u5, category: 'garbage', where: place, created: at(0), status: 'closed', resolved: at(1), closed: at(1, 2) });
    await report('b', { ...u5, category: 'garbage', where: east(place, 20), created: at(10), status: 'resolved', resolved: at(11) });
    await report('c', { ...u5, category: 'garbage', where: east(place, 30), created: at(20), status: 'assigned', due: future });
    await report('far', { ...u5, category: 'garbage', where: east(place, 200), created: at(12), status: 'assigned', due: future });
    await report('other', { ...u5, category: 'pothole', where: place, created: at(5), status: 'assigned', due: future });
    await report('dup', { ...u5, category: 'garbage', where: place, created: at(10, 1), status: 'merged' });
    await report('late', { ...u5, category: 'garbage', where: place, created: at(50), status: 'assigned', due: future });
  });

  afterAll(async () => {
    // Later runs must not list this run's units; their reports stay (the timeline is append-only).
    await db?.query(`UPDATE handling_unit SET active = false WHERE code LIKE $1`, [`TEST-INS-${run}-%`]);
    await app?.close();
  });

  const zero = { received: 0, resolved: 0, resolvedOnTime: 0, onTimeRate: null, backlog: 0, overdue: 0 };

  describe('GET /api/v1/insights/wards', () => {
    it('lists all 168 current wards with exact figures for one unit, zeros elsewhere', async () => {
      const res = await get(`/api/v1/insights/wards?${window()}&unit=${units.U1}`, 'leader');
      expect(res.statusCode).toBe(200);
      const body = res.json<WardsInsights>();
      expect([body.from, body.to]).toEqual([at(0).toISOString(), at(10).toISOString()]);
      expect(body.wards).toHaveLength(168);
      expect(body.wards.map((w) => w.code)).toEqual([...body.wards.map((w) => w.code)].sort());
      // Received: r1–r5 (r6 rejected, r7 and r8 filed before). Resolved in the period: r1, r2, r3, r8, three on time.
      // Backlog, whenever filed: r4, r5, r7; overdue now: r5, r7.
      expect(body.wards.find((w) => w.code === BEN_THANH.code)).toEqual({
        code: BEN_THANH.code,
        name: 'Phường Bến Thành',
        population,
        received: 5,
        resolved: 4,
        resolvedOnTime: 3,
        onTimeRate: 0.75,
        backlog: 3,
        overdue: 2,
        per10k: Math.round((5 / population) * 1_000_000) / 100,
      });
      for (const w of body.wards.filter((w) => w.code !== BEN_THANH.code))
        expect(w).toMatchObject({ ...zero, per10k: w.population ? 0 : null });
    });

    it.each<[string, string, object]>([
      ['a category group', 'group=transport', { received: 2, resolved: 1, resolvedOnTime: 1, onTimeRate: 1, backlog: 1, overdue: 1 }],
      [
        'a list of categories',
        'category=garbage,noise',
        { received: 3, resolved: 3, resolvedOnTime: 2, onTimeRate: 0.6667, backlog: 2, overdue: 1 },
      ],
      ['a category with nothing', 'category=flooding', zero],
    ])('applies %s to every figure', async (_, filter, expected) => {
      const res = await get(`/api/v1/insights/wards?${window()}&unit=${units.U1}&${filter}`, 'leader');
      expect(res.statusCode).toBe(200);
      expect(res.json<WardsInsights>().wards.find((w) => w.code === BEN_THANH.code)).toMatchObject(expected);
    });

    it('counts another unit in its own ward', async () => {
      const body = (await get(`/api/v1/insights/wards?${window()}&unit=${units.U2}`, 'admin')).json<WardsInsights>();
      expect(body.wards.find((w) => w.code === SAI_GON)).toMatchObject({
        received: 2,
        resolved: 2,
        resolvedOnTime: 1,
        onTimeRate: 0.5,
        backlog: 0,
        overdue: 0,
      });
      expect(body.wards.find((w) => w.code === BEN_THANH.code)).toMatchObject(zero);
    });

    it('defaults to the last 30 days', async () => {
      const before = Date.now();
      const body = (await get(`/api/v1/insights/wards?unit=${units.U1}`, 'leader')).json<WardsInsights>();
      expect(new Date(body.to).getTime()).toBeGreaterThanOrEqual(before);
      expect(new Date(body.to).getTime() - new Date(body.from).getTime()).toBe(30 * DAY);
      // Nothing of U1 was filed lately, but its open reports are still the ward's backlog.
      expect(body.wards.find((w) => w.code === BEN_THANH.code)).toMatchObject({ received: 0, resolved: 0, backlog: 3, overdue: 2 });
    });

    it.each<[string, string, number, string]>([
      ['a period over 366 days', 'from=2024-01-01T00:00:00Z&to=2025-01-02T00:00:01Z', 400, 'insights.bad_period'],
      ['a period that runs backwards', 'from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z', 400, 'insights.bad_period'],
      ['a date without an offset', 'from=2024-02-01', 400, 'validation_failed'],
      ['a malformed unit', 'unit=42', 400, 'validation_failed'],
      ['a malformed category list', 'category=garbage,,noise', 400, 'validation_failed'],
    ])('refuses %s', async (_, query, status, code) => {
      const res = await get(`/api/v1/insights/wards?${query}`, 'leader');
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
    });

    it('is for leaders and admins only', async () => {
      expect((await get('/api/v1/insights/wards', 'ward.benthanh')).statusCode).toBe(403);
      expect((await get('/api/v1/insights/wards')).statusCode).toBe(401);
    });
  });

  describe('GET /api/v1/insights/wards/:code', () => {
    it('gives the ward’s figures, median resolution time, ratings and backlog by category', async () => {
      const res = await get(`/api/v1/insights/wards/${BEN_THANH.code}?${window()}&unit=${units.U1}`, 'leader');
      expect(res.statusCode).toBe(200);
      const body = res.json<WardInsights>();
      const names = Object.fromEntries(
        (await db.query(`SELECT code, name_vi, name_en FROM category WHERE code IN ('garbage', 'pothole')`)).map(
          (c: { code: string; name_vi: string; name_en: string }) => [c.code, c],
        ),
      );
      expect(body).toEqual({
        code: BEN_THANH.code,
        name: 'Phường Bến Thành',
        population,
        from: at(0).toISOString(),
        to: at(10).toISOString(),
        received: 5,
        resolved: 4,
        resolvedOnTime: 3,
        onTimeRate: 0.75,
        backlog: 3,
        overdue: 2,
        // r1 10 h, r3 20 h, r2 30 h, r8 144 h.
        medianResolveHours: 25,
        satisfaction: { average: 4, count: 2 },
        backlogByCategory: [
          { category: 'garbage', name: names.garbage.name_vi, nameEn: names.garbage.name_en, count: 2 },
          { category: 'pothole', name: names.pothole.name_vi, nameEn: names.pothole.name_en, count: 1 },
        ],
      });
    });

    it('applies the filters to the detail too', async () => {
      const body = (
        await get(`/api/v1/insights/wards/${BEN_THANH.code}?${window()}&unit=${units.U1}&group=transport`, 'leader')
      ).json<WardInsights>();
      expect(body).toMatchObject({
        received: 2,
        resolved: 1,
        onTimeRate: 1,
        medianResolveHours: 20,
        satisfaction: { average: null, count: 0 },
        backlog: 1,
        overdue: 1,
      });
      expect(body.backlogByCategory.map((c) => [c.category, c.count])).toEqual([['pothole', 1]]);
      const none = (
        await get(`/api/v1/insights/wards/${BEN_THANH.code}?${window()}&unit=${units.U1}&category=flooding`, 'leader')
      ).json<WardInsights>();
      expect(none).toMatchObject({ ...zero, medianResolveHours: null, satisfaction: { average: null, count: 0 }, backlogByCategory: [] });
    });

    it('answers 404 in the error shape for an unknown ward, 400 for a malformed code', async () => {
      const res = await get('/api/v1/insights/wards/99999', 'leader');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ statusCode: 404, code: 'insights.unknown_ward', message: expect.stringContaining('99999') });
      const bad = await get('/api/v1/insights/wards/ben-thanh', 'leader');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('validation_failed');
    });
  });

  describe('GET /api/v1/insights/rankings', () => {
    const mine = (body: UnitRankings) => body.units.filter((u) => Object.values(units).includes(u.unitId));
    const row = (body: UnitRankings, key: string) => body.units.find((u) => u.unitId === units[key]);

    it('ranks by on-time rate, then rating; units that resolved nothing last and unranked', async () => {
      const res = await get(`/api/v1/insights/rankings?${window()}`, 'leader');
      expect(res.statusCode).toBe(200);
      const body = res.json<UnitRankings>();
      // Nobody else resolved anything in this window years ago.
      expect(body.units.slice(0, 4).map((u) => [u.unitId, u.rank])).toEqual([
        [units.U3, 1],
        [units.U6, 2],
        [units.U1, 3],
        [units.U2, 4],
      ]);
      expect(body.units.slice(4).every((u) => u.rank === null && u.resolved === 0)).toBe(true);
      expect(row(body, 'U1')).toEqual<UnitRanking>({
        unitId: units.U1,
        code: `TEST-INS-${run}-U1`,
        name: `Đơn vị kiểm thử U1 ${run}`,
        nameEn: `Test unit U1 ${run}`,
        kind: 'utility',
        received: 5,
        resolved: 4,
        resolvedOnTime: 3,
        onTimeRate: 0.75,
        satisfaction: { average: 4, count: 2 },
        rank: 3,
      });
      expect(row(body, 'U6')).toMatchObject({
        received: 4,
        resolved: 4,
        resolvedOnTime: 3,
        onTimeRate: 0.75,
        satisfaction: { average: 4.5, count: 2 },
      });
      expect(row(body, 'U2')).toMatchObject({
        received: 2,
        resolved: 2,
        resolvedOnTime: 1,
        onTimeRate: 0.5,
        satisfaction: { average: 3, count: 2 },
      });
      expect(row(body, 'U3')).toMatchObject({
        kind: 'department',
        received: 1,
        resolved: 1,
        onTimeRate: 1,
        satisfaction: { average: 1, count: 1 },
      });
      expect(row(body, 'U4')).toMatchObject({
        received: 1,
        resolved: 0,
        resolvedOnTime: 0,
        onTimeRate: null,
        satisfaction: { average: null, count: 0 },
        rank: null,
      });
    });

    it('narrows to one kind of unit', async () => {
      const body = (await get(`/api/v1/insights/rankings?${window()}&kind=utility`, 'leader')).json<UnitRankings>();
      expect(body.units.every((u) => u.kind === 'utility')).toBe(true);
      expect(body.units.slice(0, 3).map((u) => [u.unitId, u.rank])).toEqual([
        [units.U6, 1],
        [units.U1, 2],
        [units.U2, 3],
      ]);
      expect(row(body, 'U3')).toBeUndefined();
    });

    it('applies the category filters and the unit filter', async () => {
      // Transport is U1's and U3's potholes: both all on time, U3 rated, U1 not.
      const transport = (await get(`/api/v1/insights/rankings?${window()}&group=transport`, 'leader')).json<UnitRankings>();
      expect(transport.units.slice(0, 2).map((u) => [u.unitId, u.rank, u.received, u.resolved])).toEqual([
        [units.U3, 1, 1, 1],
        [units.U1, 2, 2, 1],
      ]);
      expect(
        mine(transport)
          .filter((u) => u.rank === null)
          .map((u) => u.unitId)
          .sort(),
      ).toEqual([units.U2, units.U4, units.U5, units.U6].sort());
      const one = (await get(`/api/v1/insights/rankings?${window()}&unit=${units.U2}`, 'leader')).json<UnitRankings>();
      expect(one.units.map((u) => [u.unitId, u.rank])).toEqual([[units.U2, 1]]);
    });

    it('refuses an unknown kind and a ward official', async () => {
      expect((await get('/api/v1/insights/rankings?kind=police', 'leader')).statusCode).toBe(400);
      expect((await get('/api/v1/insights/rankings', 'ward.benthanh')).statusCode).toBe(403);
    });
  });

  describe('GET /api/v1/insights/recurring', () => {
    const q = (extra: string) => `/api/v1/insights/recurring?${window(60)}&unit=${units.U5}&${extra}`;

    it('chains reports of one problem at one place filed again within 30 days of a fix', async () => {
      const res = await get(q('days=30'), 'leader');
      expect(res.statusCode).toBe(200);
      const body = res.json<RecurringLocations>();
      expect(body).toMatchObject({ days: 30, radiusM: 50, from: at(0).toISOString(), to: at(60).toISOString() });
      // a fixed on day 1, b filed day 10 (20 m away) and fixed day 11, c filed day 20 (30 m away).
      // Not: "far" (200 m), "other" (another category), "dup" (a merged duplicate), "late" (39 days after b's fix).
      expect(body.locations).toHaveLength(1);
      const [chain] = body.locations;
      const [category] = await db.query(`SELECT name_vi FROM category WHERE code = 'garbage'`);
      expect(chain).toMatchObject({
        category: 'garbage',
        categoryName: category.name_vi,
        wardCode: SAI_GON,
        occurrences: 3,
        lastClosedAt: at(11).toISOString(),
        lastReportedAt: at(20).toISOString(),
        codes: [codes.a, codes.b, codes.c],
      });
      expect(metres(chain, place)).toBeLessThan(30);
    });

    it('takes in a later report when the window is longer', async () => {
      const body = (await get(q('days=45'), 'leader')).json<RecurringLocations>();
      expect(body.locations.map((l) => l.codes)).toEqual([[codes.a, codes.b, codes.c, codes.late]]);
    });

    it('applies the category filters and the period', async () => {
      expect((await get(q('group=environment'), 'leader')).json<RecurringLocations>().locations).toHaveLength(1);
      expect((await get(q('category=pothole,noise'), 'leader')).json<RecurringLocations>().locations).toEqual([]);
      // Only c's recurrence is in a period from day 15: the chain is the fixed b and the new c (and a, fixed 19 days before c).
      const later = (
        await get(`/api/v1/insights/recurring?from=${at(15).toISOString()}&to=${at(60).toISOString()}&unit=${units.U5}`, 'leader')
      ).json<RecurringLocations>();
      expect(later.locations.map((l) => l.codes)).toEqual([[codes.a, codes.b, codes.c]]);
      const before = (
        await get(`/api/v1/insights/recurring?from=${at(0).toISOString()}&to=${at(9).toISOString()}&unit=${units.U5}`, 'leader')
      ).json<RecurringLocations>();
      expect(before.locations).toEqual([]);
    });

    it('refuses a window out of range', async () => {
      expect((await get(q('days=0'), 'leader')).statusCode).toBe(400);
      expect((await get(q('days=400'), 'leader')).statusCode).toBe(400);
    });
  });

  describe('GET /api/v1/insights/change', () => {
    it('compares the week ending at `at` with the week before, on the 500 m grid', async () => {
      const res = await get(`/api/v1/insights/change?period=week&at=${at(10).toISOString()}&unit=${units.U1}`, 'leader');
      expect(res.statusCode).toBe(200);
      const body = res.json<ChangeCells>();
      expect(body).toMatchObject({
        period: 'week',
        current: { from: at(3).toISOString(), to: at(10).toISOString() },
        previous: { from: at(-4).toISOString(), to: at(3).toISOString() },
        cellM: 500,
      });
      // Current: r3, r4, r5 (r6 rejected). Previous: r1, r2 (r8 and r7 earlier still).
      expect(body.cells).toHaveLength(1);
      expect(body.cells[0]).toMatchObject({ current: 3, previous: 2, delta: 1 });
      // The cell's centre is within half a diagonal of a 500 m (~490 m on the ground) square.
      expect(metres(body.cells[0], BEN_THANH)).toBeLessThan(350);
    });

    it.each<[string, string, object[]]>([
      ['a day', `period=day&at=${new Date(T0 + 2 * DAY + HOUR).toISOString()}`, [{ current: 1, previous: 1, delta: 0 }]],
      [
        'a category group',
        `period=week&at=${new Date(T0 + 10 * DAY).toISOString()}&group=transport`,
        [{ current: 2, previous: 0, delta: 2 }],
      ],
      ['a month with nothing before', `period=month&at=${new Date(T0 - 30 * DAY).toISOString()}`, []],
    ])('handles %s', async (_, query, expected) => {
      const body = (await get(`/api/v1/insights/change?${query}&unit=${units.U1}`, 'leader')).json<ChangeCells>();
      expect(body.cells.map(({ current, previous, delta }) => ({ current, previous, delta }))).toEqual(expected);
    });

    it('refuses an unknown period', async () => {
      expect((await get('/api/v1/insights/change?period=year', 'leader')).statusCode).toBe(400);
    });
  });

  describe('public figures (anonymous)', () => {
    /** A public snap cell (~150 m, the cell at z ≥ 12) near Bến Thành with no report within 300 m in the last 32 days. */
    async function emptyCell(): Promise<{ centre: LatLng; i: number; j: number }> {
      for (let attempt = 0; attempt < 20; attempt++) {
        const probe = { lat: 10.76 + Math.random() * 0.03, lng: 106.68 + Math.random() * 0.03 };
        const { x, y } = toMercator(probe.lat, probe.lng);
        const i = Math.floor((x + WORLD_M / 2) / PUBLIC_SNAP_M);
        const j = Math.floor((y + WORLD_M / 2) / PUBLIC_SNAP_M);
        const centre = fromMercator(-WORLD_M / 2 + (i + 0.5) * PUBLIC_SNAP_M, -WORLD_M / 2 + (j + 0.5) * PUBLIC_SNAP_M);
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM report WHERE created_at > now() - interval '32 days'
              AND ST_DWithin(point::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 300)`,
          [centre.lng, centre.lat],
        );
        if (n === 0) return { centre, i, j };
      }
      throw new Error('no empty cell found near Bến Thành');
    }
    const cellUrl = (p: LatLng, z: number) => `/api/v1/public/insights/cell?lat=${p.lat}&lng=${p.lng}&z=${z}`;

    it('shows a cell’s public categories from 5 reports on, never anything personal', async () => {
      const { centre } = await emptyCell();
      const near = (k: number) => east({ lat: centre.lat + ((k % 3) - 1) * 0.0002, lng: centre.lng }, ((k % 2) - 0.5) * 30);
      const recent = (hours: number) => new Date(Date.now() - hours * HOUR);
      for (let k = 0; k < 4; k++)
        await report(`pub${k}`, { unit: 'U4', category: 'garbage', where: near(k), created: recent(k + 1), status: 'assigned' });
      // Not counted: a category kept off public maps, a rejected report, one filed before the window (30 local days back).
      await report('pubHidden', { unit: 'U4', category: 'public-order', where: near(4), created: recent(2), status: 'assigned' });
      await report('pubRejected', { unit: 'U4', category: 'garbage', where: near(5), created: recent(2), status: 'rejected' });
      await report('pubOld', {
        unit: 'U4',
        category: 'garbage',
        where: near(6),
        created: new Date(Date.now() - 31.5 * DAY),
        status: 'assigned',
      });

      const four = await get(cellUrl(centre, 18));
      expect(four.statusCode).toBe(200);
      expect(four.json()).toEqual({ hidden: true });

      await report('pub4', { unit: 'U4', category: 'noise', where: near(7), created: recent(3), status: 'in_progress' });
      for (const z of [12, 16, 18]) {
        const res = await get(cellUrl(near(1), z));
        expect(res.statusCode).toBe(200);
        expect(res.headers['cache-control']).toBe('public, max-age=300');
        const body = res.json<PublicCellInsights>();
        // No category has 5 of them: none is named, all five are the unnamed remainder.
        expect(body).toMatchObject({ hidden: false, cellM: PUBLIC_SNAP_M, total: 5, categories: [], others: 5 });
        expect(Object.keys(body).sort()).toEqual(['categories', 'cellM', 'from', 'hidden', 'others', 'to', 'total']);
        expect(res.body).not.toMatch(/Nguyễn Văn Kiểm|0901234567|kiem\.thu@example\.com|kiểm thử số liệu|TI[0-9a-f]{8}-/);
      }
      // A click just outside the cell is another (empty) cell; a zoom out reads the coarser cell holding it.
      expect((await get(cellUrl(east(centre, PUBLIC_SNAP_M), 18))).json()).toEqual({ hidden: true });
      const coarse = (await get(cellUrl(centre, 10))).json<PublicCellInsights>();
      expect(coarse).toMatchObject({ hidden: false, cellM: PUBLIC_SNAP_M * 4 });
      if (!coarse.hidden) expect(coarse.total).toBeGreaterThanOrEqual(5);
    });

    it('publishes received, resolved and the on-time rate per ward for public categories', async () => {
      const before = (await get('/api/v1/public/insights/wards')).json<PublicWardsInsights>();
      const recent = (hours: number) => new Date(Date.now() - hours * HOUR);
      await report('pw1', {
        unit: 'U4',
        category: 'garbage',
        ward: SAI_GON,
        where: saiGon,
        created: recent(30),
        status: 'resolved',
        resolved: recent(2),
        onTime: true,
      });
      await report('pw2', {
        unit: 'U4',
        category: 'garbage',
        ward: SAI_GON,
        where: saiGon,
        created: recent(30),
        status: 'resolved',
        resolved: recent(2),
        onTime: false,
      });
      await report('pw3', {
        unit: 'U4',
        category: 'public-order',
        ward: SAI_GON,
        where: saiGon,
        created: recent(30),
        status: 'resolved',
        resolved: recent(2),
        onTime: true,
      });
      const res = await get('/api/v1/public/insights/wards');
      expect(res.statusCode).toBe(200);
      const after = res.json<PublicWardsInsights>();
      expect(after.wards).toHaveLength(168);
      expect(after.wards.every((w) => Object.keys(w).sort().join() === 'code,name,onTimeRate,received,resolved')).toBe(true);
      const was = before.wards.find((w) => w.code === SAI_GON)!;
      const now = after.wards.find((w) => w.code === SAI_GON)!;
      // The public-order report is not a public category: two more received, two more resolved, one on time.
      expect([now.received - was.received, now.resolved - was.resolved]).toEqual([2, 2]);
      const [stats] = await db.query(
        `SELECT count(*) FILTER (WHERE r.resolved_on_time)::int AS on_time, count(*)::int AS resolved
           FROM report r JOIN category c ON c.id = r.category_id
          WHERE c.is_public AND r.ward_code = $1 AND r.resolved_on_time IS NOT NULL AND r.resolved_at >= $2 AND r.resolved_at < $3`,
        [SAI_GON, after.from, after.to],
      );
      expect(now.resolved).toBe(stats.resolved);
      expect(now.onTimeRate).toBe(Math.round((stats.on_time / stats.resolved) * 10_000) / 10_000);
      // The transparency map's window: the 31 local days from 30 days ago to today, whole.
      expect(new Date(after.to).getTime() - new Date(after.from).getTime()).toBe(31 * DAY);
      expect(after.to.endsWith('T17:00:00.000Z')).toBe(true);
    });

    it('refuses a point off the map or a zoom out of range', async () => {
      expect((await get('/api/v1/public/insights/cell?lat=91&lng=106.7&z=12')).statusCode).toBe(400);
      expect((await get('/api/v1/public/insights/cell?lat=10.7&lng=106.7&z=23')).statusCode).toBe(400);
      expect((await get('/api/v1/public/insights/cell?lat=10.7&lng=106.7')).statusCode).toBe(400);
    });
  });

  it('documents every endpoint in OpenAPI with its answer’s fields', async () => {
    const doc = (await get('/api/docs-json')).json();
    const answer = (path: string) => {
      const schema = doc.paths[path]?.get?.responses?.['200']?.content?.['application/json']?.schema;
      return schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;
    };
    expect(Object.keys(answer('/api/v1/insights/wards').properties)).toEqual(['from', 'to', 'wards']);
    expect(Object.keys(doc.components.schemas.WardFigures.properties).sort()).toEqual(
      ['backlog', 'code', 'name', 'onTimeRate', 'overdue', 'per10k', 'population', 'received', 'resolved', 'resolvedOnTime'].sort(),
    );
    expect(answer('/api/v1/insights/wards/{code}').properties).toHaveProperty('backlogByCategory');
    expect(Object.keys(doc.components.schemas.UnitRanking.properties)).toEqual(
      expect.arrayContaining(['unitId', 'name', 'kind', 'received', 'resolved', 'resolvedOnTime', 'onTimeRate', 'satisfaction', 'rank']),
    );
    expect(answer('/api/v1/insights/recurring').properties).toHaveProperty('radiusM');
    expect(answer('/api/v1/insights/change').properties).toHaveProperty('cells');
    expect(answer('/api/v1/public/insights/cell')).toBeDefined();
    expect(answer('/api/v1/public/insights/wards').properties).toHaveProperty('wards');
    const params = (path: string) => doc.paths[path].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(params('/api/v1/insights/wards')).toEqual(['category', 'from', 'group', 'to', 'unit']);
    expect(params('/api/v1/insights/rankings')).toEqual(['category', 'from', 'group', 'kind', 'to', 'unit']);
    expect(params('/api/v1/insights/recurring')).toEqual(['category', 'days', 'from', 'group', 'to', 'unit']);
    expect(params('/api/v1/insights/change')).toEqual(['at', 'category', 'group', 'period', 'unit']);
    expect(params('/api/v1/public/insights/cell')).toEqual(['lat', 'lng', 'z']);
  });
});
