// Map tiles read from a streaming replica (DATABASE_READ_URL) against the same tiles read from
// the primary, in one run on one machine: a private primary with BENCH_REPLICA_REPORTS reports
// (50,000 unless set), its replica made by scripts/replica.mjs, and two API processes (cache off),
// one reading the primary and one the replica. Each tile is requested from both in interleaved
// slices, in a rotating order, so that a slow spell of the machine falls on both sides alike.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Client } from 'undici';
import { ensureDatabase, log, migrate, ROOT, seed, waitReady } from '../../scripts/prepare.mjs';
import { startPrivatePrimary } from '../lib/private-postgres.mjs';
import { API_SCRIPT, freePort, percentile, round, startNode, startRedis, waitUntil } from '../lib/processes.mjs';

const REPORTS = Number(process.env.BENCH_REPLICA_REPORTS ?? 50_000);
const SIDE_MS = Number(process.env.BENCH_REPLICA_SIDE_MS ?? 8_000);
const SLICE_MS = 200;
const WARMUP_REQUESTS = 200;
const CENTRE = { lat: 10.7725, lng: 106.6981 };

const require = createRequire(import.meta.url);
const { tileOf } = require(join(ROOT, 'backend/dist/backend/src/modules/maps/tile-grid.js'));

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

function tileClient(baseUrl, token) {
  const client = new Client(baseUrl);
  const get = async (path) => {
    const started = performance.now();
    const res = await client.request({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await res.body.arrayBuffer());
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${body.toString().slice(0, 200)}`);
    return performance.now() - started;
  };
  return { get, close: () => client.close() };
}

async function signIn(baseUrl) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'leader', password: '1022demo!' }),
  });
  return (await res.json()).accessToken;
}

export default async function replicaTiles({ env }) {
  const pg = await startPrivatePrimary();
  const redis = await startRedis();
  const apis = [];
  const sides = {};
  try {
    const primaryUrl = pg.url('hcmc1022');
    const dbEnv = { ...env, DATABASE_URL: primaryUrl, DEMO_SEED: 'true' };
    log(`replica-tiles: seeding ${REPORTS} reports into a private primary`);
    ensureDatabase(primaryUrl, { recreate: true });
    migrate(dbEnv);
    seed(dbEnv, ['--reports', String(REPORTS)]);
    psql(primaryUrl, 'VACUUM ANALYZE');
    await pg.startReplica();
    const lsn = psql(primaryUrl, 'SELECT pg_current_wal_lsn()');
    const replicaUrl = pg.replicaUrl('hcmc1022');
    await waitUntil(() => psql(replicaUrl, `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn`) === 't', 'replica catch-up', 120_000);

    for (const [side, extra] of [
      ['primary', {}],
      ['replica', { DATABASE_READ_URL: replicaUrl }],
    ]) {
      const port = await freePort();
      apis.push(
        startNode(API_SCRIPT, {
          ...dbEnv,
          ...extra,
          PORT: String(port),
          REDIS_URL: redis.url,
          QUEUE_PREFIX: `{bench-replica-${side}}`,
          TILE_CACHE_SECONDS: '0',
          JWT_TTL_SECONDS: '3600',
        }),
      );
      const baseUrl = `http://127.0.0.1:${port}`;
      await waitReady(baseUrl);
      sides[side] = tileClient(baseUrl, await signIn(baseUrl));
    }
    const lag = psql(replicaUrl, 'SELECT pg_is_in_recovery()');
    if (lag !== 't') throw new Error('the replica is not in recovery');

    const cases = [
      { name: 'heat z10, 30 days', z: 10 },
      { name: 'hex z12, 30 days', z: 12 },
      { name: 'points z15, 30 days', z: 15 },
    ];
    const results = [];
    for (const c of cases) {
      const t = tileOf(c.z, CENTRE.lat, CENTRE.lng);
      const path = `/api/v1/tiles/reports/${t.z}/${t.x}/${t.y}.mvt`;
      const warm = [];
      for (let i = 0; i < WARMUP_REQUESTS; i++) for (const s of Object.values(sides)) warm.push(await s.get(path));
      const typical = percentile(warm.slice(warm.length >> 1), 50);
      const perSlice = Math.max(1, Math.round(SLICE_MS / typical));
      const rounds = Math.ceil(Math.max(25, SIDE_MS / typical) / perSlice);
      const ms = { primary: [], replica: [] };
      const order = Object.keys(sides);
      for (let r = 0; r < rounds; r++) {
        for (let i = 0; i < order.length; i++) {
          const side = order[(r + i) % order.length];
          for (let k = 0; k < perSlice; k++) ms[side].push(await sides[side].get(path));
        }
      }
      const [p, q] = [percentile(ms.primary, 95), percentile(ms.replica, 95)];
      results.push({
        case: c.name,
        tile: `${t.z}/${t.x}/${t.y}`,
        samples: ms.primary.length,
        primaryP95Ms: round(p, 1),
        replicaP95Ms: round(q, 1),
        ratio: round(q / p, 2),
      });
      log(`replica-tiles: ${c.name}: replica p95 ${q.toFixed(1)} ms, primary p95 ${p.toFixed(1)} ms`);
    }
    const ratios = results.map((r) => r.ratio);
    return {
      reports: REPORTS,
      latency: results,
      summary:
        `${REPORTS.toLocaleString('en')} reports; tile p95 replica ÷ primary ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} (` +
        results.map((r) => `${r.case} ${r.replicaP95Ms}/${r.primaryP95Ms} ms`).join(', ') +
        ')',
    };
  } finally {
    for (const s of Object.values(sides)) await s.close();
    for (const a of apis) await a.stop();
    await redis.stop();
    pg.stop();
  }
}
