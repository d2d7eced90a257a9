import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestRedisServer } from '../redis-server';
import { API_SCRIPT, AppProcess, faultEnv, WORKER_SCRIPT } from './app-process';
import { freePort, waitFor } from '../ports';
import { TestPostgresCluster } from './postgres-cluster';
import { SENTINEL_NAME, TestSentinelGroup } from './sentinel-group';

/**
 * `FAULTS_SCALE=short` (what `npm test` runs): each fault once with a few hundred reports, so CI
 * still proves them; `full` (`npm run test:faults`, the default): the scale.
 */
export const FAULT_SCALE: 'short' | 'full' = process.env.FAULTS_SCALE === 'short' ? 'short' : 'full';

/** A number for each scale. */
export function scaled(short: number, full: number): number {
  return FAULT_SCALE === 'short' ? short : full;
}

export interface FaultSystem {
  db: TestPostgresCluster;
  redis: TestRedisServer;
  /** The Sentinel group, when started with `sentinel: true` (then `redis` is not running). */
  sentinel: TestSentinelGroup | null;
  apis: AppProcess[];
  workers: AppProcess[];
  /** The first API's address. */
  baseUrl: string;
  /** Every API's address. */
  baseUrls: string[];
  storageDir: string;
  /** Whether every API answers /ready with 200. */
  ready(): Promise<boolean>;
  /** Every exit of an API or worker that the test did not ask for. */
  unexpectedExits(): { process: string; exit: string; tail: string[] }[];
  close(): Promise<void>;
}

export interface FaultSystemOptions {
  apis?: number;
  workers?: number;
  /** PostgreSQL settings (-c name=value) of the private cluster. */
  postgres?: Record<string, string>;
  /** redis-server options of the private Redis. */
  redisArgs?: string[];
  /** More environment for the API and worker processes. */
  env?: Record<string, string>;
  /** Attachments directory (default: a fresh temp dir). */
  storageDir?: string;
  /**
   * A Redis Sentinel group (primary, replica, three sentinels) instead of one Redis: the
   * processes get REDIS_SENTINELS and REDIS_SENTINEL_NAME, no REDIS_URL.
   */
  sentinel?: boolean;
}

/**
 * A whole 1022 on its own PostgreSQL cluster and Redis: the built API and worker processes as
 * `npm start` runs them, ready to be hurt. Resolves once every API is ready.
 */
export async function startFaultSystem(o: FaultSystemOptions = {}): Promise<FaultSystem> {
  const ownStorage = o.storageDir === undefined;
  const storageDir = o.storageDir ?? mkdtempSync(join(tmpdir(), 'hcmc1022-storage-'));
  const [db, redis, sentinel] = await Promise.all([
    TestPostgresCluster.start({ settings: o.postgres }),
    TestRedisServer.start({ args: o.redisArgs }),
    o.sentinel ? TestSentinelGroup.start() : null,
  ]);
  if (sentinel) await redis.kill(); // nothing may reach the lone Redis by mistake
  const processEnv = (port: number) => {
    const env: Record<string, string> = faultEnv({ databaseUrl: db.url, redisUrl: redis.url, port, storageDir, extra: o.env });
    if (!sentinel) return env;
    delete env.REDIS_URL;
    return { ...env, REDIS_SENTINELS: sentinel.sentinelList, REDIS_SENTINEL_NAME: SENTINEL_NAME };
  };
  const apis: AppProcess[] = [];
  const workers: AppProcess[] = [];
  const ports: number[] = [];
  const close = async () => {
    await Promise.all([...apis, ...workers].map((p) => p.stop('SIGTERM')));
    await Promise.all([redis.stop(), db.destroy(), sentinel?.stop()]);
    if (ownStorage) rmSync(storageDir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < (o.apis ?? 1); i++) {
      const port = await freePort();
      ports.push(port);
      apis.push(new AppProcess(`api${i + 1}`, API_SCRIPT, processEnv(port)).start());
    }
    for (let i = 0; i < (o.workers ?? 1); i++) {
      workers.push(new AppProcess(`worker${i + 1}`, WORKER_SCRIPT, { ...processEnv(0), PORT: '3000' }).start());
    }
    const ready = async () => {
      const answers = await Promise.all(
        ports.map((p) =>
          fetch(`http://127.0.0.1:${p}/ready`, { signal: AbortSignal.timeout(5000) })
            .then((r) => r.status === 200)
            .catch(() => false),
        ),
      );
      return answers.every(Boolean);
    };
    await waitFor(
      'the APIs are ready',
      async () => {
        const dead = [...apis, ...workers].find((p) => !p.running);
        if (dead) throw new Error(`${dead.name} exited at start:\n${dead.lines.slice(-20).join('\n')}`);
        return ready();
      },
      60_000,
      200,
    );
    return {
      db,
      redis,
      sentinel,
      apis,
      workers,
      baseUrl: `http://127.0.0.1:${ports[0]}`,
      baseUrls: ports.map((p) => `http://127.0.0.1:${p}`),
      storageDir,
      ready,
      unexpectedExits: () => [...apis, ...workers].flatMap((p) => p.unexpectedExits.map((e) => ({ process: p.name, ...e }))),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
