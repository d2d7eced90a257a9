// `npm start`: prepare everything, then run the API (serving the web app) and the worker.
import { join } from 'node:path';
import {
  announceMode,
  API_SCRIPT,
  childEnv,
  DEMO_LOGINS,
  log,
  prepare,
  PrepareError,
  reportCount,
  ROOT,
  seed,
  supervise,
  waitReady,
  WORKER_SCRIPT,
} from './prepare.mjs';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hcmc1022';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const port = Number(process.env.PORT ?? 3000);
const demoReports = Number(process.env.DEMO_REPORTS ?? 50000);
const demo = (process.env.DEMO_SEED ?? 'true') !== 'false';

const env = childEnv({
  // A developer's machine: the backend's demo settings need an explicit mode (unset is production).
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  PORT: String(port),
  DEMO_SEED: String(demo),
  WEB_DIR: process.env.WEB_DIR ?? join(ROOT, 'frontend', 'dist'),
  STORAGE_DIR: process.env.STORAGE_DIR ?? join(ROOT, 'var', 'storage'),
});

async function main() {
  announceMode(env);
  await prepare({ databaseUrl, redisUrl, env });
  seed(env, demo ? [] : ['--no-demo']);
  if (demo && demoReports > 0 && reportCount(databaseUrl) === 0) seed(env, ['--reports', String(demoReports)]);

  // One process crashing restarts alone (with backoff), never stopping the other or the system.
  // One refusing its settings stops the system: it says which setting and how to fix it.
  const refused = () => stop(1);
  const supervised = [supervise('api', API_SCRIPT, env, refused), supervise('worker', WORKER_SCRIPT, env, refused)];
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    for (const s of supervised) s.stop();
    setTimeout(() => process.exit(code), 10_000).unref();
    // Not awaited: the signal handler returns at once; the exits (or the timer above) end the process.
    void Promise.all(supervised.map((s) => s.exited())).then(() => process.exit(code));
  };

  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  const url = `http://127.0.0.1:${port}`;
  await waitReady(url);
  log('');
  log(`1022 is running at ${url}`);
  log(`  API docs: ${url}/api/docs   readiness: ${url}/ready`);
  if (demo) {
    log('  demo logins (password 1022demo!):');
    for (const [user, what] of DEMO_LOGINS) log(`    ${user.padEnd(15)} ${what}`);
  }
  log('  Ctrl-C stops it.');
}

main().catch((err) => {
  console.error(`\n[1022] npm start failed: ${err instanceof PrepareError ? err.message : err.stack}`);
  process.exit(1);
});
