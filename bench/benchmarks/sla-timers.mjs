// SLA timers, two figures against bare BullMQ in the same run, each on a Redis of its own:
// 1. Redis bytes per pending timer, 200,000 timers scheduled by the real worker (its reconciler
//    rebuilds every running clock's timer from PostgreSQL) ÷ bytes per bare delayed job;
// 2. lateness of 5,000 stages due at the same instant (fired_at − due_at, recorded by the worker
//    in PostgreSQL) ÷ lateness of 5,000 bare delayed jobs due at one instant.
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../../scripts/prepare.mjs';
import { percentile, round, startNode, startRedis, waitUntil, WORKER_SCRIPT } from '../lib/processes.mjs';

const PENDING = Number(process.env.BENCH_SLA_PENDING ?? 200_000);
const SIMULTANEOUS = Number(process.env.BENCH_SLA_SIMULTANEOUS ?? 5_000);
const PREFIX = '{bench}';

async function usedMemory(url) {
  const r = new Redis(url);
  const info = await r.info('memory');
  await r.quit();
  return Number(/used_memory:(\d+)/.exec(info)[1]);
}

/** MEMORY USAGE summed over the keys that do not start with `prefix`. */
async function bytesOutside(url, prefix) {
  const r = new Redis(url);
  let bytes = 0;
  for (const key of await r.keys('*')) if (!key.startsWith(prefix)) bytes += (await r.memory('USAGE', key)) ?? 0;
  await r.quit();
  return bytes;
}

async function bareBytesPerJob() {
  const redis = await startRedis();
  try {
    const queue = new Queue('bare', { connection: { url: redis.url }, prefix: PREFIX });
    await queue.waitUntilReady();
    const before = await usedMemory(redis.url);
    for (let i = 0; i < PENDING; i += 5000) {
      await queue.addBulk(
        Array.from({ length: Math.min(5000, PENDING - i) }, () => ({
          name: 't',
          data: {},
          opts: { delay: 3_600_000 + Math.floor(Math.random() * 86_400_000) },
        })),
      );
    }
    const bytes = ((await usedMemory(redis.url)) - before) / PENDING;
    await queue.close();
    return bytes;
  } finally {
    await redis.stop();
  }
}

async function bareLateness() {
  const redis = await startRedis();
  try {
    const connection = { url: redis.url, maxRetriesPerRequest: null };
    const queue = new Queue('bare', { connection, prefix: PREFIX });
    const late = [];
    const worker = new Worker('bare', async (job) => void late.push(Date.now() - job.data.due), {
      connection,
      prefix: PREFIX,
      concurrency: 16,
    });
    await worker.waitUntilReady();
    const due = Date.now() + 10_000;
    for (let i = 0; i < SIMULTANEOUS; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, SIMULTANEOUS - i) }, () => ({
          name: 't',
          data: { due },
          opts: { delay: due - Date.now(), removeOnComplete: true },
        })),
      );
    }
    await waitUntil(() => late.length >= SIMULTANEOUS, 'bare timers', 60_000);
    await worker.close();
    await queue.close();
    return late;
  } finally {
    await redis.stop();
  }
}

/** Running resolution clocks for `n` reports, the next stage at `nextAt` (a function of the index). */
async function makeClocks(pool, n, nextAt, targetMs) {
  const { rows } = await pool.query(
    `SELECT r.id FROM report r WHERE NOT EXISTS (SELECT 1 FROM sla_clock c WHERE c.report_id = r.id) ORDER BY r.id LIMIT $1`,
    [n],
  );
  if (rows.length < n) throw new Error(`need ${n} reports without clocks, found ${rows.length}: seed more reports`);
  const ids = rows.map((r) => r.id);
  const starts = ids.map((_, i) => new Date(nextAt(i) - targetMs / 2));
  await pool.query(
    `INSERT INTO sla_clock (report_id, kind, cycle, mode, target_ms, transitions, state, due_at, next_stage, next_stage_at)
     SELECT id, 'resolution', 1, 'calendar', $3::bigint, jsonb_build_array(jsonb_build_object('type', 'start', 'at', s)), 'running',
            s + make_interval(secs => $3::float8 / 1000), 'warn50', s + make_interval(secs => $3::float8 / 2000)
       FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, s)`,
    [ids, starts, targetMs],
  );
  return ids;
}

export default async function slaTimers({ databaseUrl, env }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  try {
    const needed = PENDING + SIMULTANEOUS;
    const have = Number((await pool.query(`SELECT count(*) AS n FROM report`)).rows[0].n);
    if (have < needed) {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'backend/dist/backend/src/cli/seed.cli.js'), '--no-demo', '--reports', String(needed - have)],
        { env, stdio: 'inherit' },
      );
      if (r.status !== 0) throw new Error('seeding reports for the timers failed');
    }
    await pool.query(`DELETE FROM sla_stage_event; DELETE FROM sla_clock`);

    // 1. Memory: 200,000 clocks whose next stage is hours away; a fresh Redis, so the worker's
    // reconciler finds no epoch marker and schedules one timer per running clock.
    let bareBytes = NaN;
    let ourBytes = NaN;
    let timers = 0;
    if (PENDING > 0) {
      bareBytes = await bareBytesPerJob();
      const now = Date.now();
      const pendingIds = await makeClocks(pool, PENDING, (i) => now + 3_600_000 + (i % 86_400) * 1000, 30 * 86_400_000);
      const redisA = await startRedis();
      const emptyA = await usedMemory(redisA.url);
      const workerA = startNode(WORKER_SCRIPT, { ...env, REDIS_URL: redisA.url, QUEUE_PREFIX: PREFIX });
      const q = new Queue('sla', { connection: { url: redisA.url }, prefix: PREFIX });
      await waitUntil(async () => (await q.getJobCounts('delayed')).delayed >= PENDING, `${PENDING} timers scheduled`, 600_000, 1000);
      await waitUntil(
        async () => {
          const c = await q.getJobCounts('wait', 'active');
          return c.wait + c.active === 0;
        },
        'scheduling jobs drained',
        120_000,
        500,
      );
      await workerA.stop();
      // Per timer in Redis. The worker also relays and routes what benchmarks run before this one
      // on the same database left behind: those queues' keys are not timers. And clocks those runs
      // left running have their timers too.
      timers = (await q.getJobCounts('delayed')).delayed;
      ourBytes = ((await usedMemory(redisA.url)) - emptyA - (await bytesOutside(redisA.url, `${PREFIX}:sla:`))) / timers;
      await q.close();
      await redisA.stop();
      await pool.query(`DELETE FROM sla_clock WHERE report_id = ANY($1)`, [pendingIds]);
    }

    // 2. Lateness: 5,000 clocks whose warn50 falls on one instant 20 s from now.
    const bare = await bareLateness();
    const dueAt = Date.now() + 20_000;
    const dueIds = await makeClocks(pool, SIMULTANEOUS, () => dueAt, 3_600_000);
    const redisB = await startRedis();
    // Two worker processes, as deployed (docker/compose.yaml runs two replicas).
    const workersB = [1, 2].map(() => startNode(WORKER_SCRIPT, { ...env, REDIS_URL: redisB.url, QUEUE_PREFIX: PREFIX }));
    await waitUntil(
      async () =>
        Number(
          (await pool.query(`SELECT count(*) AS n FROM sla_stage_event WHERE report_id = ANY($1) AND stage = 'warn50'`, [dueIds])).rows[0]
            .n,
        ) >= SIMULTANEOUS,
      'all simultaneous stages fired',
      120_000,
      500,
    );
    const { rows } = await pool.query(
      `SELECT extract(epoch FROM fired_at - due_at) * 1000 AS late, fired_by FROM sla_stage_event WHERE report_id = ANY($1) AND stage = 'warn50'`,
      [dueIds],
    );
    await Promise.all(workersB.map((w) => w.stop()));
    await redisB.stop();
    const late = rows.map((r) => Number(r.late));
    const byTimer = rows.filter((r) => r.fired_by === 'timer').length;

    const p99 = percentile(late, 99);
    const bareP99 = percentile(bare, 99);
    return {
      pendingTimers: PENDING,
      timersInRedis: timers,
      bytesPerTimer: round(ourBytes, 1),
      bareBytesPerDelayedJob: round(bareBytes, 1),
      memoryRatio: round(ourBytes / bareBytes, 2),
      simultaneous: SIMULTANEOUS,
      latenessP50Ms: round(percentile(late, 50), 1),
      latenessP99Ms: round(p99, 1),
      firedByTimer: byTimer,
      bareLatenessP99Ms: round(bareP99, 1),
      latenessRatio: round(p99 / Math.max(bareP99, 1), 2),
      summary:
        `${timers} pending timers: ${round(ourBytes, 0)} B each vs bare delayed job ${round(bareBytes, 0)} B, ratio ${round(ourBytes / bareBytes, 2)} (target ≤ 1.25); ` +
        `${SIMULTANEOUS} stages due at once: lateness p99 ${round(p99, 0)} ms (p50 ${round(percentile(late, 50), 0)}; ${byTimer} by timer) vs bare p99 ${round(bareP99, 0)} ms (target p99 ≤ 1000 ms)`,
    };
  } finally {
    await pool.end();
  }
}
