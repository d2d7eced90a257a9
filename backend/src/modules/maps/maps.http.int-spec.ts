import type { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { latLngToCell } from 'h3-js';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../engine/config/config.module';
import { createTestHttpApp } from '../../testing/http-app';
import { demoTokens } from '../../testing/http-client';
import { ReportAggregatorService } from './aggregates/report-aggregator.service';
import { heatCellMetres, PUBLIC_SNAP_M, tileOf, toMercator, WORLD_M } from './tile-grid';
import { TileGenerations } from './tile-generations';
import { DecodedFeature, DecodedTile, decodeVectorTile as decode } from '../../testing/vector-tile';

// Chợ Bến Thành (Phường Bến Thành). The reports go to one point moved to ≥ 8 m inside both a z12
// heat cell and a 100 m public snap cell, so grid edges cannot split them.
const BEN_THANH = { lat: 10.7725, lng: 106.6981 };
const ORIGIN = -WORLD_M / 2;
const R = WORLD_M / (2 * Math.PI);
const margin = (v: number, size: number) => {
  const r = (((v - ORIGIN) % size) + size) % size;
  return Math.min(r, size - r);
};
const toLatLng = (x: number, y: number) => ({
  lat: (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI),
  lng: (x / R) * (180 / Math.PI),
});

function clusterCentre(): { x: number; y: number } {
  const m = toMercator(BEN_THANH.lat, BEN_THANH.lng);
  const ok = (v: number) => margin(v, heatCellMetres(12)) >= 8 && margin(v, PUBLIC_SNAP_M) >= 8;
  // Coarser grid cells are unions of level-12 ones, so the margin holds for them too.
  let dx = 0;
  while (!ok(m.x + dx)) dx++;
  let dy = 0;
  while (!ok(m.y + dy)) dy++;
  return { x: m.x + dx, y: m.y + dy };
}

/** Where a 3857 point falls in a tile, in tile units. */
function inTile(t: { z: number; x: number; y: number }, p: { x: number; y: number }) {
  const size = WORLD_M / 2 ** t.z;
  return { x: ((p.x - ORIGIN - t.x * size) / size) * 4096, y: ((-ORIGIN - p.y - t.y * size) / size) * 4096 };
}

describe('GET /api/v1/tiles/reports and /api/v1/public/tiles/reports (in-process, real PostgreSQL and Redis)', () => {
  let app: NestFastifyApplication;
  let aggregator: ReportAggregatorService;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const codes: string[] = [];
  const centre = clusterCentre();
  const at = toLatLng(centre.x, centre.y);
  const z11 = tileOf(11, at.lat, at.lng);
  const z12 = tileOf(12, at.lat, at.lng);
  const z13 = tileOf(13, at.lat, at.lng);
  const z15 = tileOf(15, at.lat, at.lng);
  const tileUrl = (t: { z: number; x: number; y: number }, query = '') => `/api/v1/tiles/reports/${t.z}/${t.x}/${t.y}.mvt${query}`;
  const publicUrl = (t: { z: number; x: number; y: number }) => `/api/v1/public/tiles/reports/${t.z}/${t.x}/${t.y}.mvt`;

  const get = (url: string, user?: string) =>
    app.inject({ method: 'GET', url, headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} });
  const tile = async (url: string, user?: string): Promise<DecodedTile> => {
    const res = await get(url, user);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    return decode(res.rawPayload);
  };
  /** The heat cell holding the cluster: the feature nearest its position, within one cell. */
  const clusterCell = (t: DecodedTile, tileZ: { z: number; x: number; y: number }, cellM: number) => {
    const p = inTile(tileZ, centre);
    const reach = (cellM / (WORLD_M / 2 ** tileZ.z)) * 4096;
    return (t.heat ?? []).find((f) => Math.abs(f.x - p.x) <= reach / 2 + 1 && Math.abs(f.y - p.y) <= reach / 2 + 1);
  };

  const fileAt = async (k: number, run: string) => {
    // ±2 m around the centre: inside one cell of every grid involved.
    const p = toLatLng(centre.x + ((k % 3) - 1) * 2, centre.y + (k % 2 ? -2 : 2));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'content-type': 'application/json' },
      payload: { category: 'garbage', lat: p.lat, lng: p.lng, description: `Bản đồ nhiệt: rác chất đống ${run} #${k}` },
    });
    expect(res.statusCode).toBe(201);
    return res.json().code as string;
  };
  const hexOf = (t: DecodedTile, res: number) => (t.hex ?? []).find((f) => f.properties.h3 === latLngToCell(at.lat, at.lng, res));

  beforeAll(async () => {
    app = await createTestHttpApp();
    db = app.get(DataSource);
    aggregator = new ReportAggregatorService(db, app.get(TileGenerations), app.get(APP_CONFIG));
    Object.assign(tokens, await demoTokens(app, ['leader', 'ward.benthanh']));
    const run = randomUUID();
    for (let k = 0; k < 6; k++) codes.push(await fileAt(k, run));
    await aggregator.drain();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('places the cluster in the z12 tile 3261/1924', () => {
    expect(z12).toEqual({ z: 12, x: 3261, y: 1924 });
  });

  it('gives leaders a z11 heat layer from the aggregates with the cluster counted, open and not overdue yet', async () => {
    const t = await tile(tileUrl(z11), 'leader');
    expect(Object.keys(t)).toEqual(['heat']);
    const cell = clusterCell(t, z11, heatCellMetres(11));
    expect(cell).toBeDefined();
    expect(cell!.properties.count).toBeGreaterThanOrEqual(6);
    expect(cell!.properties.open).toBeGreaterThanOrEqual(6);
    expect(Object.keys(cell!.properties).sort()).toEqual(['count', 'open', 'overdue', 'resolved', 'warning']);
    // A short window counts from the reports themselves and finds the same cluster.
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const raw = clusterCell(await tile(tileUrl(z11, `?from=${since}`), 'leader'), z11, heatCellMetres(11));
    expect(raw!.properties.count).toBeGreaterThanOrEqual(6);
  });

  it('gives leaders H3 hexagons at z12 (resolution 8) and z13 (resolution 9)', async () => {
    for (const [t, res] of [
      [z12, 8],
      [z13, 9],
    ] as const) {
      const decoded = await tile(tileUrl(t), 'leader');
      expect(Object.keys(decoded)).toEqual(['hex']);
      const hex = hexOf(decoded, res);
      expect(hex).toBeDefined();
      expect(hex!.properties.count).toBeGreaterThanOrEqual(6);
      expect(Object.keys(hex!.properties).sort()).toEqual(['count', 'h3', 'open', 'overdue', 'resolved', 'warning']);
    }
  });

  it('gives leaders z15 points with code, status, category and SLA state, never personal data', async () => {
    const t = await tile(tileUrl(z15), 'leader');
    expect(t.heat).toBeUndefined();
    const mine = t.points.filter((f) => codes.includes(String(f.properties.code)));
    expect(mine.map((f) => f.properties.code).sort()).toEqual([...codes].sort());
    expect(mine.every((f) => f.properties.category === 'garbage' && f.properties.sla === 'ok' && typeof f.properties.id === 'string')).toBe(
      true,
    );
    for (const f of t.points) {
      expect(Object.keys(f.properties).sort()).toEqual(['category', 'code', 'id', 'sla', 'status']);
      expect(Object.keys(f.properties).filter((k) => /reporter|phone|email|name|description/i.test(k))).toEqual([]);
    }
  });

  it('filters: category, group, unit and status on the heat, hexagons and points; a future period is empty', async () => {
    const all = clusterCell(await tile(tileUrl(z11), 'leader'), z11, heatCellMetres(11))!;
    const garbage = clusterCell(await tile(tileUrl(z11, '?category=garbage,illegal-dumping'), 'leader'), z11, heatCellMetres(11));
    expect(garbage!.properties.count).toBeGreaterThanOrEqual(6);
    const lessThanAll = (f: DecodedFeature | undefined) =>
      f === undefined || Number(f.properties.count) <= Number(all.properties.count) - 6;
    expect(lessThanAll(clusterCell(await tile(tileUrl(z11, '?category=pothole'), 'leader'), z11, heatCellMetres(11)))).toBe(true);
    expect(lessThanAll(clusterCell(await tile(tileUrl(z11, '?group=transport'), 'leader'), z11, heatCellMetres(11)))).toBe(true);
    expect(lessThanAll(clusterCell(await tile(tileUrl(z11, `?unit=${randomUUID()}`), 'leader'), z11, heatCellMetres(11)))).toBe(true);
    expect(lessThanAll(clusterCell(await tile(tileUrl(z11, '?status=resolved,closed'), 'leader'), z11, heatCellMetres(11)))).toBe(true);
    expect(hexOf(await tile(tileUrl(z12, '?category=garbage'), 'leader'), 8)!.properties.count).toBeGreaterThanOrEqual(6);
    const resolved = await tile(tileUrl(z15, '?status=resolved,closed'), 'leader');
    expect((resolved.points ?? []).filter((f) => codes.includes(String(f.properties.code)))).toEqual([]);
    const future = await tile(tileUrl(z11, '?from=2099-01-01T00:00:00Z&to=2099-01-02T00:00:00Z'), 'leader');
    expect(future).toEqual({});
  });

  it('shows an overdue ticket as overdue once its deadline has passed', async () => {
    await db.query(`UPDATE report SET resolution_due_at = now() - interval '1 minute' WHERE code = $1`, [codes[0]]);
    await aggregator.drain();
    const point = (await tile(tileUrl(z15), 'leader')).points.find((f) => f.properties.code === codes[0]);
    expect(point!.properties.sla).toBe('overdue');
    const overdue = clusterCell(await tile(tileUrl(z11, '?sla=overdue'), 'leader'), z11, heatCellMetres(11));
    expect(overdue!.properties.count).toBeGreaterThanOrEqual(1);
    expect(overdue!.properties.overdue).toBe(overdue!.properties.count);
  });

  it('serves cached tiles until the aggregator changes their region, then the new count', async () => {
    const url = tileUrl(z11, '?category=garbage');
    const before = await get(url, 'leader');
    expect((await get(url, 'leader')).rawPayload.equals(before.rawPayload)).toBe(true);
    const count = Number(clusterCell(await decode(before.rawPayload), z11, heatCellMetres(11))!.properties.count);
    codes.push(await fileAt(6, randomUUID()));
    expect(Number(clusterCell(await tile(url, 'leader'), z11, heatCellMetres(11))!.properties.count)).toBe(count);
    await aggregator.drain();
    expect(Number(clusterCell(await tile(url, 'leader'), z11, heatCellMetres(11))!.properties.count)).toBe(count + 1);
  });

  it('streams a live event to leaders when new reports reach the aggregates', async () => {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const abort = new AbortController();
    const refused = await fetch(`http://127.0.0.1:${port}/api/v1/live/reports`, { signal: abort.signal });
    expect(refused.status).toBe(401);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/live/reports`, {
      headers: { authorization: `Bearer ${tokens.leader}` },
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    await reader.read(); // ": connected"
    codes.push(await fileAt(7, randomUUID()));
    await aggregator.drain();
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    const [event, data] = text.trim().split('\n');
    expect(event).toBe('event: reports');
    expect(JSON.parse(data.slice('data: '.length))).toEqual({
      generation: expect.any(Number),
      changed: expect.any(Number),
      at: expect.any(String),
    });
  });

  it('serves the public tile without login: heat only, count only, no cell under 5', async () => {
    for (const t of [z12, z15, { z: 10, x: z12.x >> 2, y: z12.y >> 2 }, { z: 8, x: z12.x >> 4, y: z12.y >> 4 }]) {
      const decoded = await tile(publicUrl(t));
      expect(Object.keys(decoded).filter((l) => l !== 'heat')).toEqual([]);
      for (const f of decoded.heat ?? []) {
        expect(Object.keys(f.properties)).toEqual(['count']);
        expect(f.properties.count).toBeGreaterThanOrEqual(5);
      }
    }
    const cell = clusterCell(await tile(publicUrl(z15)), z15, PUBLIC_SNAP_M);
    expect(cell!.properties.count).toBeGreaterThanOrEqual(6);
  });

  it('refuses anonymous callers (401) and ward officials (403) on the staff tiles', async () => {
    expect((await get(tileUrl(z12))).statusCode).toBe(401);
    expect((await get(tileUrl(z12), 'ward.benthanh')).statusCode).toBe(403);
  });

  it('answers 400 for an impossible tile or a backwards period', async () => {
    const bad = await get('/api/v1/tiles/reports/3/8/0.mvt', 'leader');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('maps.invalid_tile');
    expect((await get('/api/v1/public/tiles/reports/23/0/0.mvt')).statusCode).toBe(400);
    const backwards = await get(tileUrl(z12, '?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z'), 'leader');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().code).toBe('maps.bad_period');
    expect((await get(tileUrl(z12, '?status=bogus'), 'leader')).statusCode).toBe(400);
  });
});
