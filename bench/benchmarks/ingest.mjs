// Intake throughput: POST /api/v1/reports (no photos) through the real API process at 16
// connections (then again with the real worker routing what it files at the same time), against
// pgbench doing what intake's SQL does per report (the current ward containing a random point,
// the report row, its 'created' event and the outbox row, in one transaction) at 8 clients, same
// machine, same database, same run. Each side warms up, then runs SECONDS.
import autocannon from 'autocannon';
import { Pool } from 'undici';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, waitReady } from '../../scripts/prepare.mjs';
import { API_SCRIPT, freePort, processSettings, round, startNode, startRedis, waitUntil, WORKER_SCRIPT } from '../lib/processes.mjs';

const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_INGEST_WARMUP_SECONDS ?? 5);
const CONNECTIONS = 16;
// Extra settings for the worker, as JSON (e.g. '{"MAP_AGGREGATOR":"false"}'), to measure what each part costs.
const WORKER_ENV = JSON.parse(process.env.BENCH_INGEST_WORKER_ENV ?? '{}');
const PGBENCH_CLIENTS = 8;
// The API's pool: the configured default unless the run overrides it.
const POOL_SIZE = process.env.BENCH_INGEST_POOL_SIZE ?? '20';
// Phường Bến Thành, around Chợ Bến Thành: every point of the box lies in that ward.
const CENTRE = { lat: 10.7725, lng: 106.6981 };
const SPREAD = 0.002;
const CATEGORIES = ['pothole', 'garbage', 'street-light'];
const DESCRIPTIONS = [
  'Ổ gà sâu giữa làn xe máy, rất nguy hiểm vào ban đêm',
  'Rác thải tập kết trên vỉa hè nhiều ngày chưa được thu gom',
  'Đèn đường tắt cả đoạn, người đi bộ không thấy đường',
  'Mặt đường bong tróc, nước đọng sau mưa',
];
// pgbench's reports carry codes of a day no other report has, so they cannot collide with the
// API's (a collision would abort a pgbench client) and are told apart for the clean-up.
const PGBENCH_DAY = `TIMESTAMPTZ '2000-01-01 12:00:00+07'`;
const PGBENCH_CODES = 'HCM-000101-%';

const { trackingCodeSql } = createRequire(import.meta.url)(join(ROOT, 'backend/dist/backend/src/modules/intake/tracking-code.js'));

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/** What GeoRepository.locate and IntakeRepository write per report, as one pgbench transaction. */
function pgbenchScript(categories) {
  const lng = `(${CENTRE.lng} + :dlng / 1000000.0)`;
  const lat = `(${CENTRE.lat} + :dlat / 1000000.0)`;
  const point = `ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`;
  const ids = `(ARRAY[${categories.map((c) => c.id).join(', ')}])[:c + 1]`;
  const priorities = `(ARRAY[${categories.map((c) => `'${c.priority}'`).join(', ')}]::priority[])[:c + 1]`;
  const spread = SPREAD * 1_000_000;
  return `\\set c random(0, ${categories.length - 1})
\\set dlat random(-${spread}, ${spread})
\\set dlng random(-${spread}, ${spread})
\\set n :n + 1
BEGIN;
WITH p AS (SELECT ${point} AS pt)
(SELECT a.id AS ward_id, a.code AS ward_code FROM admin_unit a, p WHERE a.valid_to IS NULL AND ST_Intersects(a.geom, p.pt) ORDER BY a.code LIMIT 1)
UNION ALL
(SELECT a.id, a.code FROM admin_unit a, p WHERE a.valid_to IS NULL AND ST_DWithin(a.geom::geography, p.pt::geography, 100)
  ORDER BY ST_Distance(a.geom::geography, p.pt::geography) LIMIT 1)
LIMIT 1 \\gset
INSERT INTO report (code, channel, category_id, description, point, point_3857, address, admin_unit_id, ward_code, priority, reporter_name, reporter_phone, reporter_email, hide_identity, attributes, created_at, updated_at) VALUES (${trackingCodeSql(PGBENCH_DAY, '(:client_id * 1048576 + :n)')}, 'web', ${ids}, 'Ổ gà sâu giữa làn đường, pgbench ' || :client_id || '-' || :n, ${point}, ST_Transform(${point}, 3857), NULL, :ward_id, ':ward_code', ${priorities}, NULL, NULL, NULL, false, '{}', now(), now()) RETURNING id AS report_id \\gset
INSERT INTO report_event (report_id, type, actor_user_id, actor_role, to_status, is_public, data, created_at) VALUES (':report_id', 'created', NULL, NULL, 'new', true, '{"channel": "web"}', now());
INSERT INTO outbox (topic, aggregate_id, payload) VALUES ('report.created', ':report_id', '{}');
END;
`;
}

/** `first`: where this run's per-client counter starts, so that no two runs draw the same codes. */
function pgbench(databaseUrl, scriptFile, seconds, first) {
  const args = ['-n', '-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', String(seconds), '-D', `n=${first}`, '-f', scriptFile, databaseUrl];
  const r = spawnSync('pgbench', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(r.stdout)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(r.stdout)?.[1] ?? 0);
  if (!(tps > 0) || failed > 0) throw new Error(`pgbench: ${r.stdout}\n${r.stderr}`);
  return { tps, latencyMs: latency };
}

export function body(i) {
  const rnd = () => (Math.random() * 2 - 1) * SPREAD;
  return JSON.stringify({
    category: CATEGORIES[i % CATEGORIES.length],
    lat: +(CENTRE.lat + rnd()).toFixed(6),
    lng: +(CENTRE.lng + rnd()).toFixed(6),
    description: `${DESCRIPTIONS[i % DESCRIPTIONS.length]} (#${i})`,
    address: i % 3 === 0 ? `${1 + (i % 200)} Lê Lợi, Phường Bến Thành` : undefined,
  });
}

/** POSTs reports for `seconds` at 16 connections, as fast as they go or at `overallRate` per second. */
export function cannon(url, seconds, overallRate = undefined) {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        ...(overallRate ? { overallRate } : {}),
        headers: { 'content-type': 'application/json' },
        requests: [{ method: 'POST', path: '/api/v1/reports', setupRequest: (req) => ({ ...req, body: body(i++) }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/**
 * POSTs reports at a steady `rate` per second for `seconds` (spread over 5 ms ticks), as many at
 * once as arrive (up to 64 connections): autocannon's rate limit hands each of its connections a
 * budget per second, which comes in bursts and fell 10–15 % short of 500/s here. Resolves with
 * how many were created and the rate.
 */
export async function paced(url, seconds, rate) {
  const pool = new Pool(url, { connections: 64 });
  const total = Math.round(rate * seconds);
  const pending = [];
  let created = 0;
  let failed = 0;
  const started = performance.now();
  try {
    for (let sent = 0; sent < total;) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      for (; sent < due; sent++) {
        const i = sent;
        pending.push(
          pool.request({ method: 'POST', path: '/api/v1/reports', headers: { 'content-type': 'application/json' }, body: body(i) }).then(
            async (res) => {
              await res.body.dump();
              if (res.statusCode === 201) created++;
              else failed++;
            },
            () => failed++,
          ),
        );
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(pending);
  } finally {
    await pool.close();
  }
  const elapsed = (performance.now() - started) / 1000;
  if (failed > 0) throw new Error(`API refused ${failed} of ${total} reports`);
  return { created, rate: created / elapsed };
}

/** CPU seconds a process has used (user + system), from /proc. */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** pgbench's rows are an artefact: never relayed or routed, removed before anything else runs. */
function removePgbenchRows(databaseUrl) {
  psql(
    databaseUrl,
    // The timeline is append-only (invariant 6): only here, on the bench database, the superuser
    // switches triggers off for the session to take the benchmark's own rows out.
    `SET session_replication_role = replica;
     CREATE TEMP TABLE gone AS SELECT id FROM report WHERE code LIKE '${PGBENCH_CODES}';
     DELETE FROM outbox WHERE aggregate_id IN (SELECT id::text FROM gone);
     DELETE FROM report_event WHERE report_id IN (SELECT id FROM gone);
     DELETE FROM report WHERE id IN (SELECT id FROM gone);`,
  );
  psql(databaseUrl, 'VACUUM ANALYZE report, report_event, outbox');
}

export default async function ingest({ databaseUrl, env }) {
  const categories = psql(
    databaseUrl,
    `SELECT id || ':' || default_priority FROM category WHERE code IN (${CATEGORIES.map((c) => `'${c}'`).join(', ')}) ORDER BY code`,
  )
    .split('\n')
    .map((l) => ({ id: Number(l.split(':')[0]), priority: l.split(':')[1] }));
  if (categories.length !== CATEGORIES.length) throw new Error(`categories ${CATEGORIES.join(', ')} are not all seeded`);

  // Baseline first, on a quiet machine: pgbench alone.
  const dir = mkdtempSync(join(tmpdir(), 'hcmc1022-ingest-'));
  const script = join(dir, 'intake.sql');
  let base;
  try {
    writeFileSync(script, pgbenchScript(categories));
    pgbench(databaseUrl, script, WARMUP_SECONDS, 0);
    base = pgbench(databaseUrl, script, SECONDS, 2 ** 19);
  } finally {
    removePgbenchRows(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  }

  // The intake endpoint as the baseline measures the SQL: the worker starts when the run is over
  // and drains what was filed. Then the same with the worker relaying and routing on the same
  // two cores while the API takes reports.
  const alone = await measure({ databaseUrl, env, workerDuring: false });
  const routing = await measure({ databaseUrl, env, workerDuring: true });
  const ratio = alone.reportsPerSecond / base.tps;
  const routingRatio = routing.reportsPerSecond / base.tps;
  return {
    api: alone,
    apiWhileRouting: routing,
    pgbench: { clients: PGBENCH_CLIENTS, tps: round(base.tps, 1), latencyMs: base.latencyMs },
    setup: {
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      apiProcesses: 1,
      workerProcesses: 1,
      databasePoolSize: Number(POOL_SIZE),
      logLevel: 'warn',
      nodeEnv: env.NODE_ENV ?? 'development',
      node: process.version,
    },
    ratio: round(ratio, 2),
    ratioWhileRouting: round(routingRatio, 2),
    summary:
      `API ${alone.reportsPerSecond.toFixed(0)} reports/s (p99 ${alone.p99Ms} ms, ${CONNECTIONS} connections, pool ${POOL_SIZE}); ` +
      `pgbench ward lookup + insert ${base.tps.toFixed(0)} tx/s (${PGBENCH_CLIENTS} clients); ratio ${ratio.toFixed(2)} (target ≥ 0.5, p99 ≤ 20 ms); ` +
      `with the worker routing at the same time: ${routing.reportsPerSecond.toFixed(0)} reports/s, p99 ${routing.p99Ms} ms, ratio ${routingRatio.toFixed(2)}`,
  };
}

/** One API (and one worker, during the run or after it) on a Redis of its own; the worker drains everything filed. */
async function measure({ databaseUrl, env, workerDuring }) {
  const redis = await startRedis();
  const port = await freePort();
  const config = processSettings(
    { port, databaseUrl, redisUrl: redis.url, queuePrefix: '{bench-ingest}' },
    { DATABASE_POOL_SIZE: POOL_SIZE },
  );
  const api = startNode(API_SCRIPT, { ...env, ...config });
  const startWorker = () => startNode(WORKER_SCRIPT, { ...env, ...config, ...WORKER_ENV });
  let worker = workerDuring ? startWorker() : null;
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitReady(baseUrl);
    await cannon(baseUrl, WARMUP_SECONDS);
    const workerCpu = () => (worker ? cpuSeconds(worker.child.pid) : 0);
    const cpuBefore = { api: cpuSeconds(api.child.pid), worker: workerCpu() };
    const result = await cannon(baseUrl, SECONDS);
    const cpu = { api: cpuSeconds(api.child.pid) - cpuBefore.api, worker: workerCpu() - cpuBefore.worker };
    const created = result['2xx'];
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`API answered ${result.non2xx} non-2xx and ${result.errors} errors of ${result.requests.sent}`);

    // Routing must keep up too: wait for the worker to relay everything filed.
    const drainStarted = performance.now();
    worker ??= startWorker();
    await waitUntil(
      () => psql(databaseUrl, `SELECT count(*) = 0 FROM outbox WHERE published_at IS NULL`) === 't',
      'outbox drain',
      120_000,
      250,
    );
    return {
      reportsPerSecond: round(created / result.duration, 1),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      created,
      apiCpuMsPerReport: round((cpu.api / created) * 1000, 2),
      apiCpuPercent: round((cpu.api / result.duration) * 100, 0),
      workerCpuPercent: round((cpu.worker / result.duration) * 100, 0),
      outboxDrainSeconds: round((performance.now() - drainStarted) / 1000, 1),
    };
  } finally {
    await Promise.all([api.stop(), worker?.stop()]);
    await redis.stop();
  }
}
