import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { createTestHttpApp } from '../../testing/http-app';
import { demoTokens } from '../../testing/http-client';
import type { Hotspot, TopIssues } from './insights.dto';

// Chợ Bến Thành, inside Phường Bến Thành (26743). It sits ~78 m east of a 500 m cell edge, so the
// reports below spread east and north/south only, within ~60 m, to land in one cell.
const BEN_THANH = { lat: 10.7725, lng: 106.6981 };
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = 111_320 * Math.cos((BEN_THANH.lat * Math.PI) / 180);

/** Metres between two points (equirectangular; fine at this scale). */
const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  Math.hypot((a.lat - b.lat) * M_PER_DEG_LAT, (a.lng - b.lng) * M_PER_DEG_LNG);

describe('GET /api/v1/insights (in-process, real PostgreSQL and Redis)', () => {
  let app: NestFastifyApplication;
  const tokens: Record<string, string> = {};

  const get = (url: string, user: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[user]}` } });

  beforeAll(async () => {
    app = await createTestHttpApp();
    Object.assign(tokens, await demoTokens(app, ['leader', 'admin', 'ward.benthanh']));
    const run = randomUUID();
    // Two dozen: a cluster that stands out whatever else the other suites filed that day.
    for (let k = 0; k < 24; k++) {
      const east = (k % 6) * 12; // 0–60 m east
      const north = (Math.floor(k / 6) - 1.5) * 16; // −24…24 m
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: { 'content-type': 'application/json' },
        payload: {
          category: 'garbage',
          lat: BEN_THANH.lat + north / M_PER_DEG_LAT,
          lng: BEN_THANH.lng + east / M_PER_DEG_LNG,
          description: `Rác thải tồn đọng trên vỉa hè ${run} #${k}`,
        },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('ranks a garbage cluster in Phường Bến Thành among the top issues of the day', async () => {
    const res = await get('/api/v1/insights/top-issues?period=day', 'leader');
    expect(res.statusCode).toBe(200);
    const body = res.json<TopIssues>();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThanOrEqual(10);
    expect(body.items.map((i) => i.rank)).toEqual(body.items.map((_, k) => k + 1));
    const hit = body.items.find((i) => i.category.code === 'garbage' && i.ward.code === '26743');
    expect(hit).toBeDefined();
    expect(hit!.count).toBeGreaterThanOrEqual(12);
    expect(hit!.ward.name).toBe('Phường Bến Thành');
    expect(metres(hit!.cell, BEN_THANH)).toBeLessThan(400);
    expect(hit!.trend).toHaveLength(24);
    expect(hit!.trend.reduce((s, n) => s + n, 0)).toBe(hit!.count);
    expect(hit!.growth.delta).toBe(hit!.count - hit!.previousCount);
    // Ranked by volume first.
    const counts = body.items.map((i) => i.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('answers the week with 7 daily buckets, also for an admin', async () => {
    const res = await get('/api/v1/insights/top-issues?period=week&limit=3', 'admin');
    expect(res.statusCode).toBe(200);
    const body = res.json<TopIssues>();
    expect(body.items.length).toBeLessThanOrEqual(3);
    expect(body.items[0].trend).toHaveLength(7);
    expect(new Date(body.to).getTime() - new Date(body.from).getTime()).toBe(7 * 86_400_000);
  });

  it('says the maps read the primary when no replica is configured, to leaders only', async () => {
    const lag = await get('/api/v1/insights/map-data-lag', 'leader');
    expect(lag.statusCode).toBe(200);
    expect(lag.json()).toEqual({ replica: false });
    expect((await get('/api/v1/insights/map-data-lag', 'ward.benthanh')).statusCode).toBe(403);
  });

  it('refuses a ward official (city-wide figures are for leaders and admins)', async () => {
    expect((await get('/api/v1/insights/top-issues?period=day', 'ward.benthanh')).statusCode).toBe(403);
    expect((await get(`/api/v1/insights/hotspots?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`, 'ward.benthanh')).statusCode).toBe(
      403,
    );
  });

  it('finds a significant hotspot at the cluster over the last day', async () => {
    const to = new Date(Date.now() + 60_000);
    const from = new Date(to.getTime() - 86_400_000);
    const res = await get(`/api/v1/insights/hotspots?from=${from.toISOString()}&to=${to.toISOString()}`, 'leader');
    expect(res.statusCode).toBe(200);
    const cells = res.json<Hotspot[]>();
    expect(cells.length).toBeLessThanOrEqual(200);
    expect(cells.every((c) => c.z >= 1.96)).toBe(true);
    expect(cells.map((c) => c.z)).toEqual([...cells.map((c) => c.z)].sort((a, b) => b - a));
    // The cluster's cell is among the significant ones (a smaller neighbour may rank above it by z).
    const near = cells.filter((c) => metres(c.cell, BEN_THANH) < 400);
    expect(near.length).toBeGreaterThan(0);
    expect(Math.max(...near.map((c) => c.count))).toBeGreaterThanOrEqual(12);
  });

  it('rejects a period that runs backwards', async () => {
    const res = await get('/api/v1/insights/hotspots?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 'leader');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('insights.bad_period');
  });
});
