// Helpers shared by the benchmarks: private Redis servers, worker processes, percentiles.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_FLAGS, ROOT } from '../../scripts/prepare.mjs';

export const WORKER_SCRIPT = join(ROOT, 'backend', 'dist', 'backend', 'src', 'worker.js');
export const API_SCRIPT = join(ROOT, 'backend', 'dist', 'backend', 'src', 'main.js');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function waitUntil(check, what, timeoutMs = 60_000, everyMs = 100) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A Redis of the benchmark's own (no persistence), so memory and timing are not shared. */
export async function startRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hcmc1022-bench-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  process.once('exit', () => child.kill('SIGKILL'));
  await waitUntil(
    () =>
      new Promise((r) =>
        net
          .connect({ port, host: '127.0.0.1' })
          .once('connect', function () {
            this.destroy();
            r(true);
          })
          .once('error', () => r(false)),
      ),
    `redis on ${port}`,
  );
  return {
    url: `redis://127.0.0.1:${port}/0`,
    async stop() {
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A backend process (API or worker) with the given environment and the V8 flags it is deployed with; stop() waits for its exit. */
export function startNode(script, env) {
  const child = spawn(process.execPath, [...NODE_FLAGS, script], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  return {
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await new Promise((r) => child.once('exit', r));
      clearTimeout(t);
    },
  };
}

/** The settings of a benchmark's API and worker processes: their port, the database, a Redis of their own and a queue prefix. */
export function processSettings({ port, databaseUrl, redisUrl, queuePrefix }, extra = {}) {
  return { PORT: String(port), DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'warn', ...extra };
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
