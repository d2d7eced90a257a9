// `npm test`: the same preparation as `npm start` against a separate test database, then every
// suite (frontend helpers, backend unit + integration, e2e API + browser), ending with one line
// "N passed, N failed". `npm run test:unit` (`unit`): the unit tier of frontend, backend and seed
// alone, without any service. `npm run test:int` (`int`): the preparation and the backend's
// integration tier. `npm run test:faults` (`faults`): the fault tier at full scale (backend
// build, then each fault on its own PostgreSQL cluster and Redis; docs/reliability.md); `npm test`
// runs it at short scale after the integration tier. `npm test` lints first (`npm run lint`:
// ESLint, Prettier, the compilers); a lint failure counts as one failed test and the suites still run.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  announceMode,
  API_SCRIPT,
  buildBackend,
  childEnv,
  checkWorkspaceNode,
  ensureChromium,
  ensureFaultEngines,
  ensureRedisSentinel,
  ensureDependencies,
  log,
  prepare,
  PrepareError,
  ROOT,
  seed,
  startProcess,
  waitReady,
  WORKER_SCRIPT,
} from './prepare.mjs';
import { spawnSync } from 'node:child_process';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hcmc1022_test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/14';
const port = Number(process.env.TEST_PORT ?? 3100);
const baseUrl = `http://127.0.0.1:${port}`;
// Per port, so two runs against separate databases on one machine keep their results apart.
const results = join(ROOT, 'var', 'test-results', String(port));

const OPEN_LIMITS = 'client=1000000/60,global=1000000/60,user=1000000/60';

const env = childEnv({
  NODE_ENV: 'test',
  DATABASE_URL: databaseUrl,
  TEST_DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  TEST_REDIS_URL: redisUrl,
  QUEUE_PREFIX: '{hcmc1022test}',
  PORT: String(port),
  DEMO_SEED: 'true',
  LOG_LEVEL: 'warn',
  // A copy of the built web app per port: a rebuild of frontend/dist during the run (another run,
  // a developer) cannot pull the assets from under the browser tests.
  WEB_DIR: join(ROOT, 'var', 'test-web', String(port)),
  STORAGE_DIR: join(ROOT, 'var', 'test-storage', String(port)),
  E2E_BASE_URL: baseUrl,
  // Open311 links are written from the configured public address, not from the request's Host.
  PUBLIC_BASE_URL: baseUrl,
  // Every suite files, uploads, tracks and signs in from 127.0.0.1 many times a minute: the
  // limits are for the public, not the suites, so they are raised here. The sign-in limit per
  // account stays low enough for the e2e throttle test, which reads it (E2E_LOGIN_LIMIT); the
  // suites that prove the limits set their own (engine/rate-limit/*.int-spec.ts).
  RATE_LIMIT_FILING: OPEN_LIMITS,
  RATE_LIMIT_UPLOAD: OPEN_LIMITS,
  RATE_LIMIT_CITIZEN_ACTION: OPEN_LIMITS,
  RATE_LIMIT_TRACKING: OPEN_LIMITS,
  RATE_LIMIT_PRIVACY_CODE: `account=1000000/60,${OPEN_LIMITS}`,
  RATE_LIMIT_PRIVACY_ACCESS: OPEN_LIMITS,
  RATE_LIMIT_OPEN311_POST: 'apiKey=1000000/60,global=1000000/60',
  RATE_LIMIT_LOGIN: `account=60/60,${OPEN_LIMITS}`,
  E2E_LOGIN_LIMIT: '60',
  // Failed sign-ins of the suites must not slow 127.0.0.1 down for the next run (Redis keeps them an hour).
  LOGIN_BACKOFF_FREE_FAILURES: '1000000',
  LOGIN_HASH_QUEUE: '1000',
  // Jest loads the ESM-only NestJS 12 packages through require(esm), which needs vm modules.
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim(),
});

/** Runs one jest project; returns its counts (a crash counts as one failure). */
function jest(name, config, extraArgs = [], extraEnv = {}) {
  const out = join(results, `${name}.json`);
  rmSync(out, { force: true });
  log(`running ${name} tests`);
  const r = spawnSync(
    'node',
    [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', config, '--json', `--outputFile=${out}`, ...extraArgs],
    {
      cwd: ROOT,
      env: { ...env, ...extraEnv },
      stdio: 'inherit',
    },
  );
  if (!existsSync(out)) return { passed: 0, failed: 1 };
  const json = JSON.parse(readFileSync(out, 'utf8'));
  // A suite that failed to load has no test results but must still fail the run.
  const brokenSuites = json.numRuntimeErrorTestSuites ?? 0;
  const failed = json.numFailedTests + brokenSuites + (r.status !== 0 && json.numFailedTests === 0 && brokenSuites === 0 ? 1 : 0);
  return { passed: json.numPassedTests, failed };
}

/**
 * The fault tier (backend/src/faults), each test on its own PostgreSQL cluster and Redis;
 * `patterns` (`npm run test:faults -- sentinel.fault-spec`) run only the specs they match.
 */
function faults(scale, patterns = []) {
  return jest('faults', join(ROOT, 'backend', 'jest.faults.config.js'), ['--runInBand', ...patterns], { FAULTS_SCALE: scale });
}

/** Runs `npm run lint`; it counts as one test that passed or failed. */
function lint() {
  log('running lint (ESLint, Prettier, tsc)');
  const r = spawnSync('npm', ['run', 'lint'], { cwd: ROOT, env, stdio: 'inherit' });
  return r.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/** The frontend's generated API types must match the backend's OpenAPI document: one check. */
function apiCheck() {
  log('checking frontend/src/api/schema.d.ts against the OpenAPI document');
  const r = spawnSync('node', [join(ROOT, 'scripts', 'api-client.mjs'), 'check'], { cwd: ROOT, env, stdio: 'inherit' });
  return r.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/** Runs the frontend's vitest suites (pure helpers, no services); returns their counts. */
function vitest(name) {
  const out = join(results, `${name}.json`);
  rmSync(out, { force: true });
  log(`running ${name} tests`);
  const r = spawnSync('npm', ['run', 'test', '-w', 'frontend', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  if (!existsSync(out)) return { passed: 0, failed: 1 };
  const json = JSON.parse(readFileSync(out, 'utf8'));
  // A file that failed to load has no failed test but a failed suite.
  const brokenFiles = json.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed'),
  ).length;
  const failed = json.numFailedTests + brokenFiles + (r.status !== 0 && json.numFailedTests === 0 && brokenFiles === 0 ? 1 : 0);
  return { passed: json.numPassedTests, failed };
}

const tier = process.argv[2] ?? 'all';
const TIERS = ['all', 'unit', 'int', 'faults'];

async function main() {
  if (!TIERS.includes(tier)) throw new PrepareError(`unknown test tier "${tier}"`, `node scripts/test.mjs [${TIERS.join('|')}]`);
  announceMode(env);
  mkdirSync(results, { recursive: true });
  const totals = { passed: 0, failed: 0 };
  const add = (r) => {
    totals.passed += r.passed;
    totals.failed += r.failed;
  };

  // Not in the unit tier: ESLint with type information takes longer than that whole tier (about a
  // minute against twenty seconds), and the unit tier is the one run after every small change.
  if (tier === 'all') {
    ensureDependencies(); // a fresh clone has no ESLint yet
    add(lint());
  }

  if (tier === 'faults') {
    // No shared database or Redis: each fault test starts its own. Only the backend is built.
    ensureDependencies();
    checkWorkspaceNode();
    ensureFaultEngines();
    buildBackend();
    ensureRedisSentinel();
    add(faults(process.env.FAULTS_SCALE ?? 'full', process.argv.slice(3)));
    return finish(totals);
  }

  if (tier === 'unit') {
    // Plain code only: no database, Redis, build or browser (the unit configs refuse connections).
    ensureDependencies();
    checkWorkspaceNode();
  } else {
    if (tier === 'all') {
      // First, so that a stale client fails the run even when a later step cannot start.
      ensureDependencies();
      add(apiCheck());
    }
    await prepare({ databaseUrl, redisUrl, recreateDatabase: true, env });
    ensureRedisSentinel(); // the Sentinel groups of the integration and fault tiers
    seed(env, ['--reports', '3000']);
  }
  if (tier === 'all') {
    rmSync(env.WEB_DIR, { recursive: true, force: true });
    cpSync(join(ROOT, 'frontend', 'dist'), env.WEB_DIR, { recursive: true });
    ensureChromium();
  }

  if (tier !== 'int') {
    add(vitest('frontend'));
    add(jest('backend-unit', join(ROOT, 'backend', 'jest.unit.config.js')));
  }
  if (tier === 'unit') return finish(totals);

  // In-process suites sign in as the demo users many times a minute from one address; the
  // login throttle is proved by the e2e suite against the real server, with the limit above.
  add(
    jest('backend-int', join(ROOT, 'backend', 'jest.int.config.js'), ['--runInBand'], {
      RATE_LIMIT_LOGIN: `account=1000000/60,${OPEN_LIMITS}`,
    }),
  );
  if (tier === 'int') return finish(totals);

  // Each fault once at a few hundred reports (a few minutes): CI proves them on every run.
  ensureFaultEngines();
  add(faults('short'));

  // The API server requires a second factor of ward officials (the staff-accounts browser test
  // enrols one); the demo accounts are exempt, and the in-process suites above keep the default.
  const serverEnv = { ...env, MFA_REQUIRED_ROLES: 'ward_official' };
  const children = [startProcess('api', API_SCRIPT, serverEnv), startProcess('worker', WORKER_SCRIPT, serverEnv)];
  try {
    await waitReady(baseUrl);
    add(jest('e2e', join(ROOT, 'e2e', 'jest.config.js'), ['--runInBand']));
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)))));
  }
  finish(totals);
}

function finish(totals) {
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`\n[1022] npm test failed: ${err instanceof PrepareError ? err.message : err.stack}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
