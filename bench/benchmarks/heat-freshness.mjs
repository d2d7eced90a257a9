// What the map aggregator costs and how current it keeps the heat. Three runs through the real
// API and worker processes on the bench database:
//   1. ingest at full speed (16 connections) with the worker's aggregator off;
//   2. the same with it on: ratio 2 ÷ 1 (target ≥ 0.9);
//   3. 500 reports/s with the aggregator on, sampling every 200 ms how long the oldest new report
//      not yet in the aggregates has waited (target: never over 5 s).
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { waitReady } from '../../scripts/prepare.mjs';
import {
  API_SCRIPT,
  freePort,
  percentile,
  processSettings,
  round,
  startNode,
  startRedis,
  waitUntil,
  WORKER_SCRIPT,
} from '../lib/processes.mjs';
import { cannon, paced } from './ingest.mjs';

const SECONDS = Number(process.env.BENCH_FRESHNESS_SECONDS ?? 20);
const WARMUP_SECONDS = 5;
const RATE = 500;
const SAMPLE_MS = 200;

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

async function withProcesses(databaseUrl, env, aggregator, fn) {
  const redis = await startRedis();
  const port = await freePort();
  const config = processSettings(
    { port, databaseUrl, redisUrl: redis.url, queuePrefix: '{bench-heat}' },
    { MAP_AGGREGATOR: aggregator ? 'on' : 'off' },
  );
  const api = startNode(API_SCRIPT, { ...env, ...config });
  const worker = startNode(WORKER_SCRIPT, { ...env, ...config });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitReady(baseUrl);
    return await fn(baseUrl);
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
    await redis.stop();
  }
}

async function ingestRate(databaseUrl, env, aggregator) {
  return withProcesses(databaseUrl, env, aggregator, async (baseUrl) => {
    await cannon(baseUrl, WARMUP_SECONDS);
    const r = await cannon(baseUrl, SECONDS);
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`API answered ${r.non2xx} non-2xx and ${r.errors} errors`);
    // Let routing and (when on) the aggregator finish before the next run starts.
    await waitUntil(
      () => psql(databaseUrl, `SELECT count(*) = 0 FROM outbox WHERE published_at IS NULL`) === 't',
      'outbox drain',
      120_000,
      250,
    );
    if (aggregator)
      await waitUntil(() => psql(databaseUrl, `SELECT count(*) = 0 FROM report_agg_pending`) === 't', 'aggregates', 300_000, 250);
    return { rate: r['2xx'] / r.duration, p99: r.latency.p99 };
  });
}

export default async function heatFreshness({ databaseUrl, env }) {
  // A first load gives the fresh bench database rows to plan with, as a city's database has.
  await ingestRate(databaseUrl, env, true);
  psql(databaseUrl, 'VACUUM ANALYZE');
  const without = await ingestRate(databaseUrl, env, false);
  // The reports of the run without the aggregator are counted now, before anything is measured.
  const catchUp = await withProcesses(databaseUrl, env, true, async () => {
    const started = performance.now();
    await waitUntil(() => psql(databaseUrl, `SELECT count(*) = 0 FROM report_agg_pending`) === 't', 'aggregates', 600_000, 250);
    return (performance.now() - started) / 1000;
  });
  const withAggregator = await ingestRate(databaseUrl, env, true);

  const lags = await withProcesses(databaseUrl, env, true, async (baseUrl) => {
    const started = new Date().toISOString();
    const samples = [];
    let running = true;
    // On a connection of its own, without blocking the loop that files the reports.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const sampler = (async () => {
      while (running) {
        // A new report is on the heat once it has a state row; changes to older ones (routing,
        // stages) move counts between statuses, not onto the map.
        const { rows } = await db.query(
          `SELECT coalesce(extract(epoch FROM clock_timestamp() - min(r.created_at)) * 1000, 0) AS lag FROM report r
            WHERE r.created_at > $1 AND NOT EXISTS (SELECT 1 FROM report_agg_state s WHERE s.report_id = r.id)`,
          [started],
        );
        samples.push(Number(rows[0].lag));
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
      }
    })().finally(() => db.end());
    const r = await paced(baseUrl, SECONDS, RATE);
    running = false;
    await sampler;
    return { samples, sent: r.rate };
  });

  const ratio = withAggregator.rate / without.rate;
  const p99 = percentile(lags.samples, 99);
  const max = Math.max(...lags.samples);
  return {
    ingest: {
      withoutAggregator: round(without.rate, 0),
      withAggregator: round(withAggregator.rate, 0),
      ratio: round(ratio, 2),
      p99WithMs: withAggregator.p99,
      catchUpSeconds: round(catchUp, 1),
    },
    freshness: { rate: round(lags.sent, 0), samples: lags.samples.length, p99Ms: round(p99, 0), maxMs: round(max, 0) },
    summary:
      `ingest with the aggregator ${withAggregator.rate.toFixed(0)}/s vs without ${without.rate.toFixed(0)}/s: ratio ${ratio.toFixed(2)} (target ≥ 0.9); ` +
      `at ${lags.sent.toFixed(0)} reports/s the oldest report not yet on the heat waited p99 ${p99.toFixed(0)} ms, at most ${max.toFixed(0)} ms (target ≤ 5000 ms)`,
  };
}
