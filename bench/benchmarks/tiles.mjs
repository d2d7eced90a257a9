// The leaders' map on a large seeded database (1,000,000 reports unless BENCH_TILES_REPORTS says
// otherwise): heat and hexagon tile latency through the API (cache off) against the very same SQL
// run by pgbench in the same run; the z8 heat tile against ST_AsMVT over the raw points of that
// tile; the largest heat tile over the city; the dashboard's first complete render in headless
// Chromium.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Client } from 'undici';
import { ensureDatabase, log, migrate, reportCount, ROOT, seed, waitReady } from '../../scripts/prepare.mjs';
import { API_SCRIPT, freePort, percentile, round, startNode, startRedis } from '../lib/processes.mjs';

const REPORTS = Number(process.env.BENCH_TILES_REPORTS ?? 1_000_000);
const DATABASE_URL = process.env.BENCH_TILES_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/hcmc1022_bench_tiles_${REPORTS}`;
// Each side (API, pgbench simple, pgbench prepared) is measured for about SIDE_MS, in slices of
// about SLICE_MS taken in turn, in an order that rotates, and never fewer than MIN_SAMPLES. This
// machine has slow spells of a second or two: one 10 s block after another measured the same SQL
// 30 % apart, and with 1 s slices a spell could still fall on one side's slice alone and move its
// p95.
const SIDE_MS = Number(process.env.BENCH_TILES_SIDE_MS ?? 10_000);
const SLICE_MS = Number(process.env.BENCH_TILES_SLICE_MS ?? 200);
const MIN_SAMPLES = 25;
// Warm-up per tile: this many requests, or fewer once this much time has gone (slow tiles).
const WARMUP_REQUESTS = 300;
const WARMUP_MS = 3000;
// Before the first case, the API serves the fast tiles in turn this long, as a process in service
// has: a fresh one spent 2.5 ms of CPU on a z8 tile request in its first second of them and
// 1.0–1.3 ms after a thousand (V8 still compiling the request path; 12 % of its samples).
const PROCESS_WARMUP_MS = 15_000;
// Chợ Bến Thành: the city centre.
const CENTRE = { lat: 10.7725, lng: 106.6981 };
// The city after the 2025 merger (with the former Bình Dương and Bà Rịa–Vũng Tàu).
const CITY = { south: 10.3, north: 11.55, west: 106.33, east: 107.6 };
const DAY_MS = 86_400_000;
const MAX_TILE_BYTES = 150 * 1024;

const require = createRequire(import.meta.url);
const dist = (p) => require(join(ROOT, 'backend/dist/backend/src', p));
const { MapsRepository } = dist('modules/maps/maps.repository.js');
const { MapsService } = dist('modules/maps/maps.service.js');
const { tileOf } = dist('modules/maps/tile-grid.js');

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** The SQL and parameters the API runs for a tile, captured from the service itself. */
async function tileSql(z, x, y, query, now) {
  let captured = null;
  // A data source whose pool only records what it is asked (the repository runs prepared statements).
  const pool = { query: async ({ text, values }) => ((captured = { text, params: values }), { rows: [{ tile: Buffer.alloc(0) }] }) };
  const db = {
    query: async (text, params) => ((captured = { text, params }), [{ tile: Buffer.alloc(0) }]),
    manager: { queryRunner: undefined, connection: { driver: { master: pool } } },
  };
  const repo = new MapsRepository({ source: () => db });
  const service = new MapsService(repo, null, { now: () => now }, { maps: { tileCacheSeconds: 0 } });
  await service.reportTile(z, x, y, query);
  return captured;
}

/** A parameter as an SQL literal (the statements cast where the type matters). */
function literal(v) {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (Array.isArray(v)) return `'{${v.map((e) => `"${String(e)}"`).join(',')}}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

const inline = ({ text, params }) => text.replace(/\$(\d+)/g, (_, i) => literal(params[Number(i) - 1]));

/**
 * pgbench running one statement on one client, `transactions` times; latencies from its
 * per-transaction log. `simple` parses and plans the statement every time; `prepared` once (as the
 * API's prepared statements). The first transaction is left out: it runs on a new connection (cold
 * catalog caches, the Parse), where the API's pool connection is warm.
 */
function pgbenchLatencies(url, file, protocol, transactions) {
  const dir = mkdtempSync(join(tmpdir(), 'hcmc1022-tiles-'));
  try {
    const r = spawnSync(
      'pgbench',
      ['-n', '-c', '1', '-M', protocol, '-t', String(transactions), '-f', file, '-l', '--log-prefix', join(dir, 'log'), url],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`);
    const logFile = readdirSync(dir).find((f) => f.startsWith('log'));
    return readFileSync(join(dir, logFile), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(' ')[2]) / 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One client on one kept-alive connection, as pgbench's: undici's own request API, since fetch's
 * web streams add about a millisecond of the client's CPU to a 50 kB tile on these two cores.
 * A request that finds its idle connection closed by the server meanwhile is sent again once.
 */
function tileClient(baseUrl, token) {
  const client = new Client(baseUrl);
  const once = async (path) => {
    const started = performance.now();
    const res = await client.request({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await res.body.arrayBuffer());
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${body.toString().slice(0, 200)}`);
    return { ms: performance.now() - started, bytes: body.length };
  };
  return {
    get: (path) => once(path).catch((err) => (err.code?.startsWith('UND_ERR_SOCKET') ? once(path) : Promise.reject(err))),
    close: () => client.close(),
  };
}

/**
 * API and pgbench (simple and prepared) on one tile, in turns: slices of the same number of
 * measured requests and transactions, each after one left out (a slice's first request, a
 * pgbench run's first transaction).
 */
async function interleavedLatencies(baseUrl, path, token, sql) {
  const client = tileClient(baseUrl, token);
  const dir = mkdtempSync(join(tmpdir(), 'hcmc1022-tile-sql-'));
  const file = join(dir, 'tile.sql');
  writeFileSync(file, `${sql.replace(/\s+/g, ' ').trim()};\n`);
  const out = { api: [], simple: [], prepared: [] };
  try {
    // Warm the API process and the database pages this tile reads: a long-running API has its
    // request path compiled by V8's optimising tier, which takes a few hundred requests (measured:
    // 20 left the p50 of a z8 tile 1.2 ms above that of the same process a minute later).
    const warm = [];
    for (let i = 0, until = performance.now() + WARMUP_MS; i < WARMUP_REQUESTS && (i < 20 || performance.now() < until); i++)
      warm.push((await client.get(path)).ms);
    const typicalMs = percentile(warm.slice(warm.length >> 1), 50);
    const perSlice = Math.max(1, Math.round(SLICE_MS / typicalMs));
    const rounds = Math.ceil(Math.max(MIN_SAMPLES, SIDE_MS / typicalMs) / perSlice);
    const sides = {
      api: async () => {
        await client.get(path);
        const slice = [];
        while (slice.length < perSlice) slice.push((await client.get(path)).ms);
        return slice;
      },
      simple: async () => pgbenchLatencies(DATABASE_URL, file, 'simple', perSlice + 1),
      prepared: async () => pgbenchLatencies(DATABASE_URL, file, 'prepared', perSlice + 1),
    };
    const order = Object.keys(sides);
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < order.length; i++) {
        const side = order[(round + i) % order.length];
        out[side].push(...(await sides[side]()));
      }
    }
    const { bytes } = await client.get(path);
    return { ...out, bytes, slices: rounds };
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function warmProcess(baseUrl, token, paths) {
  const client = tileClient(baseUrl, token);
  try {
    for (let i = 0, until = performance.now() + PROCESS_WARMUP_MS; performance.now() < until; i++)
      await client.get(paths[i % paths.length]);
  } finally {
    await client.close();
  }
}

function tilesOver(z) {
  const a = tileOf(z, CITY.north, CITY.west);
  const b = tileOf(z, CITY.south, CITY.east);
  const out = [];
  for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) out.push({ z, x, y });
  return out;
}

async function firstRender(baseUrl, token) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  try {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addInitScript(
        (session) => sessionStorage.setItem('session1022', session),
        JSON.stringify({ accessToken: token, expiresAt: Date.now() + 3_600_000 }),
      );
      const page = await context.newPage();
      let pending = 0;
      let lastTileAt = 0;
      const isTile = (u) => u.includes('/api/v1/tiles/');
      page.on('request', (r) => isTile(r.url()) && pending++);
      const done = (r) => {
        if (!isTile(r.url())) return;
        pending--;
        lastTileAt = performance.now();
      };
      page.on('requestfinished', done);
      page.on('requestfailed', done);
      const started = performance.now();
      await page.goto(`${baseUrl}/dashboard`, { waitUntil: 'load' });
      await page.waitForSelector('canvas', { timeout: 30_000 });
      // Complete: every tile the first view asked for has arrived and nothing more is asked for 1 s.
      for (;;) {
        await page.waitForTimeout(100);
        if (lastTileAt > 0 && pending === 0 && performance.now() - lastTileAt > 1000) break;
        if (performance.now() - started > 60_000) throw new Error('the dashboard never finished loading its tiles');
      }
      // eslint-disable-next-line no-undef -- the callback runs in the page, where requestAnimationFrame is a global
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      runs.push(lastTileAt - started);
      await context.close();
    }
    return runs;
  } finally {
    await browser.close();
  }
}

export default async function tiles({ env }) {
  const dbEnv = { ...env, DATABASE_URL, DEMO_SEED: 'true' };
  let seedSeconds = null;
  const existing = (() => {
    try {
      return reportCount(DATABASE_URL);
    } catch {
      return 0;
    }
  })();
  if (existing < REPORTS) {
    log(`tiles: seeding ${REPORTS} reports into ${DATABASE_URL}`);
    ensureDatabase(DATABASE_URL, { recreate: true });
    migrate(dbEnv);
    const started = performance.now();
    seed(dbEnv, ['--reports', String(REPORTS)]);
    seedSeconds = round((performance.now() - started) / 1000, 0);
  } else {
    log(`tiles: reusing ${DATABASE_URL} (${existing} reports)`);
    migrate(dbEnv);
    seed(dbEnv); // the demo users (idempotent)
  }
  psql(DATABASE_URL, 'VACUUM ANALYZE');
  const reports = Number(psql(DATABASE_URL, 'SELECT count(*) FROM report'));
  const aggregateRows = Number(
    psql(DATABASE_URL, 'SELECT (SELECT count(*) FROM report_cell_day) + (SELECT count(*) FROM report_cell_total)'),
  );

  const redis = await startRedis();
  const port = await freePort();
  // One sign-in serves the whole measurement, longer than the default 15-minute access token.
  const api = startNode(API_SCRIPT, {
    ...dbEnv,
    JWT_TTL_SECONDS: '3600',
    PORT: String(port),
    REDIS_URL: redis.url,
    QUEUE_PREFIX: '{bench-tiles}',
    LOG_LEVEL: 'warn',
    TILE_CACHE_SECONDS: '0',
    WEB_DIR: join(ROOT, 'frontend', 'dist'),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitReady(baseUrl);
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: '1022demo!' }),
    });
    const { accessToken: token } = await login.json();
    const now = new Date();
    const year = { from: new Date(now.getTime() - 365 * DAY_MS).toISOString(), to: now.toISOString() };

    // Latency: API (uncached) against pgbench running the SQL the API ran.
    const cases = [
      { name: 'heat z8, 30 days', z: 8, query: {} },
      { name: 'heat z10, 30 days', z: 10, query: {} },
      { name: 'hex z12, 30 days', z: 12, query: {} },
      { name: 'heat z8, 365 days', z: 8, query: year },
      { name: 'heat z10, 365 days, category group', z: 10, query: { ...year, group: 'environment' } },
    ];
    const pathOf = (c) => {
      const t = tileOf(c.z, CENTRE.lat, CENTRE.lng);
      const qs = new URLSearchParams(c.query).toString();
      return `/api/v1/tiles/reports/${t.z}/${t.x}/${t.y}.mvt${qs ? `?${qs}` : ''}`;
    };
    await warmProcess(baseUrl, token, cases.filter((c) => !c.query.group).map(pathOf));
    const latency = [];
    for (const c of cases) {
      const t = tileOf(c.z, CENTRE.lat, CENTRE.lng);
      const sql = inline(await tileSql(t.z, t.x, t.y, c.query, now));
      const m = await interleavedLatencies(baseUrl, pathOf(c), token, sql);
      const [api, pg, pgPrepared] = [m.api, m.simple, m.prepared];
      const apiP95 = percentile(api, 95);
      const pgP95 = percentile(pg, 95);
      const pgPreparedP95 = percentile(pgPrepared, 95);
      latency.push({
        case: c.name,
        tile: `${t.z}/${t.x}/${t.y}`,
        bytes: m.bytes,
        samples: { slices: m.slices, api: api.length, pgbench: pg.length, pgbenchPrepared: pgPrepared.length },
        apiP95Ms: round(apiP95, 1),
        pgbenchP95Ms: round(pgP95, 1),
        ratio: round(apiP95 / pgP95, 2),
        pgbenchPreparedP95Ms: round(pgPreparedP95, 1),
        ratioToPrepared: round(apiP95 / pgPreparedP95, 2),
      });
      log(
        `tiles: ${c.name}: API p95 ${apiP95.toFixed(1)} ms, pgbench p95 ${pgP95.toFixed(1)} ms (prepared ${pgPreparedP95.toFixed(1)} ms)`,
      );
    }

    // z8 heat over every report of the year against ST_AsMVT of the raw points of the same tile.
    const t8 = tileOf(8, CENTRE.lat, CENTRE.lng);
    const rawSql = `WITH b AS (SELECT ST_TileEnvelope(${t8.z}, ${t8.x}, ${t8.y}) AS env)
      SELECT length(ST_AsMVT(f, 'points', 4096, 'geom')) FROM (
        SELECT ST_AsMVTGeom(r.point_3857, b.env, 4096, 64, true) AS geom, r.id FROM report r, b
         WHERE r.point_3857 && b.env AND r.created_at >= '${year.from}' AND r.created_at < '${year.to}' AND r.status <> 'rejected') f`;
    const raw = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      psql(DATABASE_URL, rawSql);
      raw.push(performance.now() - started);
    }
    const rawMs = percentile(raw, 50);
    const heatYear = latency.find((l) => l.case === 'heat z8, 365 days');
    const heatVsRaw = heatYear.pgbenchP95Ms / rawMs;

    // The largest heat tile over the whole city, a year of reports, zooms 8 to 11.
    let largest = { bytes: 0, tile: null };
    let counted = 0;
    const client = tileClient(baseUrl, token);
    try {
      for (const z of [8, 9, 10, 11]) {
        for (const t of tilesOver(z)) {
          const { bytes } = await client.get(`/api/v1/tiles/reports/${t.z}/${t.x}/${t.y}.mvt?${new URLSearchParams(year)}`);
          counted++;
          if (bytes > largest.bytes) largest = { bytes, tile: `${t.z}/${t.x}/${t.y}` };
        }
      }
    } finally {
      await client.close();
    }

    // First render through an API with the tile cache on, as deployed: the first run finds the
    // cache empty, the next ones find the tiles an earlier visitor asked for.
    const cachedPort = await freePort();
    const cachedApi = startNode(API_SCRIPT, {
      ...dbEnv,
      JWT_TTL_SECONDS: '3600',
      PORT: String(cachedPort),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: '{bench-tiles-cached}',
      LOG_LEVEL: 'warn',
      WEB_DIR: join(ROOT, 'frontend', 'dist'),
    });
    let render;
    try {
      await waitReady(`http://127.0.0.1:${cachedPort}`);
      render = await firstRender(`http://127.0.0.1:${cachedPort}`, token);
    } finally {
      await cachedApi.stop();
    }
    const [renderCold, ...renderWarm] = render;

    const worstRatio = Math.max(...latency.filter((l) => !l.case.includes('group')).map((l) => l.ratio));
    return {
      reports,
      aggregateRows,
      seedSeconds,
      latency,
      z8HeatVsRawPoints: { heatMs: heatYear.pgbenchP95Ms, rawPointsMs: round(rawMs, 0), ratio: round(heatVsRaw, 4) },
      largestHeatTile: { ...largest, kb: round(largest.bytes / 1024, 1), tilesChecked: counted },
      firstRenderMs: { cold: round(renderCold, 0), warm: renderWarm.map((r) => round(r, 0)) },
      summary:
        `${reports.toLocaleString('en')} reports; heat/hex p95 API ÷ pgbench ≤ ${worstRatio.toFixed(2)} (target ≤ 1.3; ` +
        latency.map((l) => `${l.case} ${l.apiP95Ms}/${l.pgbenchP95Ms} ms`).join(', ') +
        `); z8 heat ÷ raw points ${heatVsRaw.toFixed(4)} (${heatYear.pgbenchP95Ms} vs ${rawMs.toFixed(0)} ms, target ≤ 0.01); ` +
        `largest heat tile ${(largest.bytes / 1024).toFixed(1)} KB of ${counted} (target ≤ ${MAX_TILE_BYTES / 1024} KB); ` +
        `dashboard first render ${renderCold.toFixed(0)} ms with an empty tile cache, ${renderWarm.map((r) => r.toFixed(0)).join(' / ')} ms with the tiles cached (target ≤ 3000 ms)`,
    };
  } finally {
    await api.stop();
    await redis.stop();
  }
}
