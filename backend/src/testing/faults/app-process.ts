import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '../../../dist/backend/src');
/** The built entry points (`npm run test:int` / `npm test` build them; `npm run build` too). */
export const API_SCRIPT = join(DIST, 'main.js');
export const WORKER_SCRIPT = join(DIST, 'worker.js');

// The V8 flags the scripts give these processes (scripts/prepare.mjs NODE_FLAGS).
const NODE_FLAGS = ['--max-semi-space-size=64'];
// Output kept per process: enough to show why it died, bounded for a long run.
const KEPT_LINES = 2000;

/**
 * One built API or worker process, as `npm start` runs it, with its output kept (and counted
 * by pattern) and every exit recorded: a fault test asserts that none happened.
 */
export class AppProcess {
  private child: ChildProcess | null = null;
  readonly lines: string[] = [];
  /** Exits that the test did not ask for: `code` or `signal`, with the last lines before it. */
  readonly unexpectedExits: { exit: string; tail: string[] }[] = [];
  private stopping = false;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: Record<string, string>,
  ) {
    if (!existsSync(script)) throw new Error(`build the backend first (npm run build): ${script} is missing`);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): this {
    this.stopping = false;
    const child = spawn(process.execPath, [...NODE_FLAGS, this.script], {
      // NODE_OPTIONS of jest (vm modules) is not the production processes' business.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_OPTIONS: '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        this.lines.push(line);
        if (this.lines.length > KEPT_LINES) this.lines.shift();
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', (code, signal) => {
      if (!this.stopping) this.unexpectedExits.push({ exit: signal ?? `code ${code}`, tail: this.lines.slice(-30) });
    });
    process.once('exit', () => child.kill('SIGKILL'));
    return this;
  }

  /** Stops the process with a signal and waits for its exit (SIGKILL after `graceMs`). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<string> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return 'not running';
    this.stopping = true;
    const exited = new Promise<string>((r) => child.once('exit', (code, sig) => r(sig ?? `code ${code}`)));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** How many kept lines match — e.g. "Unhandled 'error' event". */
  count(pattern: RegExp): number {
    return this.lines.filter((l) => pattern.test(l)).length;
  }
}

/** The environment of a fault run's processes: its own database, Redis, port and storage, with the limits it needs stated. */
export function faultEnv(o: { databaseUrl: string; redisUrl: string; port: number; storageDir: string; extra?: Record<string, string> }) {
  const open = 'client=1000000/60,global=1000000/60,user=1000000/60,device=1000000/60';
  return {
    NODE_ENV: 'test',
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    QUEUE_PREFIX: '{hcmc1022fault}',
    PORT: String(o.port),
    HOST: '127.0.0.1',
    STORAGE_DIR: o.storageDir,
    DEMO_SEED: 'true',
    LOG_LEVEL: 'warn',
    // A load generator files thousands of reports from 127.0.0.1: the limits are for the public.
    RATE_LIMIT_FILING: open,
    RATE_LIMIT_UPLOAD: open,
    RATE_LIMIT_TRACKING: open,
    RATE_LIMIT_LOGIN: 'account=1000000/60,client=1000000/60,global=1000000/60',
    LOGIN_BACKOFF_FREE_FAILURES: '1000000',
    ...o.extra,
  };
}
