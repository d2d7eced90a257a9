// `npm run bench [-- name…]`: each benchmark prints its figure as a ratio to a baseline measured
// in the same run on the same machine. Results go to bench/results/latest.json; the latest
// figures are recorded in docs/benchmarks.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { announceMode, build, childEnv, ensureDatabase, log, migrate, ROOT, seed } from '../scripts/prepare.mjs';
import importBenchmark from './benchmarks/import.mjs';
import ingest from './benchmarks/ingest.mjs';
import routingLatency from './benchmarks/routing-latency.mjs';
import seedGenerator from './benchmarks/seed-generator.mjs';
import slaTimers from './benchmarks/sla-timers.mjs';
import heatFreshness from './benchmarks/heat-freshness.mjs';
import tiles from './benchmarks/tiles.mjs';
import replicaTiles from './benchmarks/replica-tiles.mjs';

const BENCHMARKS = {
  'seed-generator': seedGenerator,
  'routing-latency': routingLatency,
  'sla-timers': slaTimers,
  ingest,
  import: importBenchmark,
  'heat-freshness': heatFreshness,
  tiles,
  'replica-tiles': replicaTiles,
};

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hcmc1022_bench';
// The load comes from one address: the rate limits would measure themselves, so they are raised.
const OPEN = 'client=100000000/60,global=100000000/60,user=100000000/60';
// Development mode: the tile benchmark signs in as a demo account (the backend refuses them in production).
const env = childEnv({
  NODE_ENV: 'development',
  DATABASE_URL: databaseUrl,
  DEMO_SEED: 'false',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_FILING: OPEN,
  RATE_LIMIT_UPLOAD: OPEN,
  RATE_LIMIT_CITIZEN_ACTION: OPEN,
  RATE_LIMIT_TRACKING: OPEN,
  RATE_LIMIT_OPEN311_POST: 'apiKey=100000000/60,global=100000000/60',
  RATE_LIMIT_LOGIN: `account=100000000/60,${OPEN}`,
});

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(BENCHMARKS);
  for (const n of names) if (!BENCHMARKS[n]) throw new Error(`no benchmark "${n}"; known: ${Object.keys(BENCHMARKS).join(', ')}`);

  announceMode(env);
  build();
  log(`bench database ${databaseUrl} (recreated)`);
  ensureDatabase(databaseUrl, { recreate: true });
  migrate(env);
  seed(env, ['--no-demo']);

  const results = {};
  for (const name of names) {
    log(`benchmark ${name}`);
    const r = await BENCHMARKS[name]({ databaseUrl, env });
    results[name] = r;
    console.log(`${name}: ${r.summary}`);
  }
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
}

main().catch((err) => {
  console.error(`bench failed: ${err.message}`);
  process.exit(1);
});
