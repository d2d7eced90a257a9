// Routing latency, report committed → assignment recorded, at a steady 500 reports/s, against
// bare BullMQ pickup latency (job added → processor running) at the same rate, same machine,
// same run. Reports are written the way intake writes them (report, created event and outbox row
// in one statement, then NOTIFY); the real worker process relays and routes them.
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { log, seed } from '../../scripts/prepare.mjs';
import { percentile, round, startNode, startRedis, waitUntil, WORKER_SCRIPT } from '../lib/processes.mjs';

const RATE = Number(process.env.BENCH_ROUTING_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_ROUTING_SECONDS ?? 20);
// Reports filed at the same rate before the measured ones: pools opened, code compiled.
const WARMUP_SECONDS = Number(process.env.BENCH_ROUTING_WARMUP_SECONDS ?? 5);
const PREFIX = '{bench}';
// Reports already in the city's history when the run starts. The planner must see a populated
// table, as in service: on an empty one that grows by 12,500 rows in the run, its statistics lag
// (autovacuum looks once a minute) and a statement planned early keeps scanning the whole table.
const HISTORY = Number(process.env.BENCH_ROUTING_HISTORY ?? 100_000);

/** Calls `fn` RATE times a second for `seconds`, spread over 5 ms ticks; resolves when all calls settled. */
async function paced(fn, seconds = SECONDS) {
  const pending = [];
  const total = RATE * seconds;
  const started = performance.now();
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE));
    while (sent < due) pending.push(fn(sent++));
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  return (performance.now() - started) / 1000;
}

async function bareBullmq(redisUrl) {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('pickup', { connection, prefix: PREFIX });
  const latencies = [];
  const worker = new Worker('pickup', async (job) => void latencies.push(Date.now() - job.data.t), {
    connection,
    prefix: PREFIX,
    concurrency: 8,
  });
  await worker.waitUntilReady();
  await paced(() => queue.add('p', { t: Date.now() }, { removeOnComplete: true }));
  await waitUntil(() => latencies.length >= RATE * SECONDS, 'bare BullMQ drain', 60_000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return latencies;
}

export default async function routingLatency({ databaseUrl, env }) {
  if (HISTORY > 0) {
    log(`routing-latency: seeding ${HISTORY} reports of history`);
    seed(env, ['--no-demo', '--reports', String(HISTORY)]);
  }
  const redis = await startRedis();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  try {
    await pool.query('VACUUM ANALYZE');
    const bare = await bareBullmq(redis.url);

    const [ref] = (
      await pool.query(`SELECT c.id AS category_id, a.id AS admin_unit_id, a.code AS ward_code
      FROM category c, admin_unit a WHERE c.code = 'pothole' AND a.code = '26743' AND a.valid_to IS NULL`)
    ).rows;
    const worker = startNode(WORKER_SCRIPT, {
      ...env,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: PREFIX,
      ...JSON.parse(process.env.BENCH_ROUTING_WORKER_ENV ?? '{}'),
    });
    await new Promise((r) => setTimeout(r, 4000));

    const committed = new Map();
    const runId = Date.now().toString(36);
    // As intake wakes the relay: one NOTIFY at a time, one more for the commits made meanwhile.
    let notifying = false;
    let again = false;
    const notify = () => {
      if (notifying) return void (again = true);
      notifying = true;
      // Not awaited: the commits go on while the NOTIFY is sent, as intake's does.
      void pool.query(`SELECT pg_notify('outbox', '')`).finally(() => {
        notifying = false;
        if (again) {
          again = false;
          notify();
        }
      });
    };
    // As intake writes: the report, its 'created' event and its outbox row in one statement (its
    // own transaction), then the relay woken after the commit.
    const file = async (i, committed) => {
      const { rows } = await pool.query({
        name: 'file-report',
        text: `WITH rep AS (
                 INSERT INTO report (code, channel, category_id, description, point, point_3857, admin_unit_id, ward_code, priority)
                 VALUES ($1, 'app', $2, 'benchmark report', ST_SetSRID(ST_MakePoint(106.6981 + random() * 0.002, 10.7725 + random() * 0.002), 4326),
                         ST_SetSRID(ST_MakePoint(0, 0), 3857), $3, $4, 'normal') RETURNING id, created_at),
               ev AS (INSERT INTO report_event (report_id, type, to_status, is_public, created_at) SELECT id, 'created', 'new', true, created_at FROM rep),
               ob AS (INSERT INTO outbox (topic, aggregate_id) SELECT 'report.created', id::text FROM rep)
               SELECT id FROM rep`,
        values: [`BENCH-${runId}-${i}`, ref.category_id, ref.admin_unit_id, ref.ward_code],
      });
      committed?.set(rows[0].id, Date.now());
      notify();
    };
    await paced((i) => file(`w${i}`, null), WARMUP_SECONDS);
    const seconds = await paced((i) => file(i, committed));
    const ids = [...committed.keys()];
    await waitUntil(
      async () =>
        Number(
          (await pool.query(`SELECT count(*) AS n FROM report_event WHERE type = 'assigned' AND report_id = ANY($1)`, [ids])).rows[0].n,
        ) >= ids.length,
      'all benchmark reports routed',
      120_000,
      500,
    );
    // The assignment's own timestamp: the routing transaction's clock_timestamp-free now(), i.e.
    // when it began; its commit follows within the same few milliseconds.
    const { rows } = await pool.query(
      `SELECT report_id, extract(epoch FROM created_at) * 1000 AS at FROM report_event WHERE type = 'assigned' AND report_id = ANY($1)`,
      [ids],
    );
    const routing = rows.map((r) => Number(r.at) - committed.get(r.report_id));
    // Where the time goes: commit → the relay's claim of the outbox row (its transaction's start),
    // and that claim → the routing transaction's start.
    const claims = new Map(
      (
        await pool.query(`SELECT aggregate_id, extract(epoch FROM published_at) * 1000 AS at FROM outbox WHERE aggregate_id = ANY($1)`, [
          ids,
        ])
      ).rows.map((r) => [r.aggregate_id, Number(r.at)]),
    );
    const relayLag = ids.map((id) => claims.get(id) - committed.get(id));
    const routeLag = rows.map((r) => Number(r.at) - claims.get(r.report_id));
    await worker.stop();

    const p99 = percentile(routing, 99);
    const bareP99 = percentile(bare, 99);
    return {
      reports: ids.length,
      offeredRate: RATE,
      achievedRate: round(ids.length / seconds, 1),
      routingP50Ms: round(percentile(routing, 50), 1),
      routingP99Ms: round(p99, 1),
      bareBullmqP50Ms: round(percentile(bare, 50), 1),
      bareBullmqP99Ms: round(bareP99, 1),
      relayP50Ms: round(percentile(relayLag, 50), 1),
      relayP99Ms: round(percentile(relayLag, 99), 1),
      pickupAndBatchP50Ms: round(percentile(routeLag, 50), 1),
      pickupAndBatchP99Ms: round(percentile(routeLag, 99), 1),
      ratio: round(p99 / bareP99, 2),
      summary: `p99 ${round(p99, 1)} ms (p50 ${round(percentile(routing, 50), 1)}) at ${RATE}/s; bare BullMQ pickup p99 ${round(bareP99, 1)} ms; ratio ${round(p99 / bareP99, 2)} (target: p99 ≤ 25 ms)`,
    };
  } finally {
    await pool.end();
    await redis.stop();
  }
}
