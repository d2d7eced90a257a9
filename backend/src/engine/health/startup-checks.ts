import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source';
import { pendingMigrations } from '../database/migrator';
import { createRedis, untilReady } from '../redis/redis-connection';

const REDIS_WAIT_MS = 2000;

/** A setting the process refuses to run with: which, what is wrong, and how to fix it. */
export interface UnsafeSetting {
  setting: string;
  problem: string;
  fix: string;
}

/**
 * The exit code of a process that refuses to start on its settings (sysexits' EX_CONFIG): a
 * supervisor (npm start, systemd's RestartPreventExitStatus, Kubernetes' logs) tells it from a
 * crash and does not start it again until the setting is fixed.
 */
export const REFUSED_EXIT_CODE = 78;

/** The exit code for an error that stopped a process at boot. */
export function bootExitCode(err: unknown): number {
  return err instanceof UnsafeStartupError || err instanceof ConfigError ? REFUSED_EXIT_CODE : 1;
}

export class UnsafeStartupError extends Error {
  constructor(readonly unsafe: UnsafeSetting[]) {
    super(`Refusing to start:\n${unsafe.map((u) => `  ${u.setting}: ${u.problem}\n    fix: ${u.fix}`).join('\n')}`);
  }
}

/**
 * BullMQ keeps queues, timers and locks in Redis: under any eviction policy Redis may drop a job
 * or a lock when memory runs short, silently (BullMQ's docs require noeviction). `null`: unknown.
 */
export function evictionPolicyProblem(policy: string | null): UnsafeSetting | null {
  if (policy === null || policy === 'noeviction') return null;
  return {
    setting: 'Redis maxmemory-policy',
    problem: `is "${policy}": Redis may evict queued jobs, SLA timers and locks when memory runs short`,
    fix: "set maxmemory-policy noeviction (redis.conf, CONFIG SET maxmemory-policy noeviction, or the managed service's parameter group)",
  };
}

export function pendingMigrationsProblem(pending: string[]): UnsafeSetting | null {
  if (pending.length === 0) return null;
  return {
    setting: 'DATABASE_URL schema',
    problem: `${pending.length} migration(s) not applied: ${pending.join(', ')}`,
    fix: 'run the migrations first (npm run migrate, or node backend/dist/backend/src/cli/migrate.cli.js with the same DATABASE_URL)',
  };
}

export function schemaDriftProblem(statements: string[]): UnsafeSetting | null {
  if (statements.length === 0) return null;
  const shown = statements.slice(0, 5).map((s) => s.replace(/\s+/g, ' ').slice(0, 200));
  return {
    setting: 'DATABASE_URL schema',
    problem: `differs from what the migrations make (${statements.length} difference(s), e.g. ${shown.join('; ')})`,
    fix: 'undo the hand-made change or write a migration for it; the database must be exactly what the migrations make',
  };
}

/** The policy from CONFIG GET, or from INFO where a managed Redis disables CONFIG; null when Redis does not answer. */
export async function readEvictionPolicy(redis: Redis): Promise<string | null> {
  try {
    const reply = await redis.config('GET', 'maxmemory-policy');
    if (reply.length === 2) return reply[1];
  } catch {
    // CONFIG renamed or refused: INFO says it too.
  }
  try {
    const info = await redis.info('memory');
    return /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Every unsafe setting this process can see from its database and Redis. */
export async function findUnsafeSettings(dataSource: DataSource, redis: Redis): Promise<UnsafeSetting[]> {
  const [policy, pending] = await Promise.all([redis.status === 'ready' ? readEvictionPolicy(redis) : null, pendingMigrations(dataSource)]);
  const unsafe = [evictionPolicyProblem(policy), pendingMigrationsProblem(pending)];
  // Drift is only meaningful once every migration ran (the pending ones would show as drift).
  if (pending.length === 0) {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    unsafe.push(schemaDriftProblem(sql.upQueries.map((q) => q.query)));
  }
  return unsafe.filter((u): u is UnsafeSetting => u !== null);
}

/**
 * Run by both entry points before the application is made (before any worker takes a job or the
 * API a request), on connections of its own: throws UnsafeStartupError naming each unsafe setting
 * and its fix. A dependency away at boot is no refusal (a process must start without it and
 * resume by itself): what it would have told is then not known, and a warning says so.
 */
export async function refuseUnsafeSettings(config: AppConfig): Promise<void> {
  const logger = new Logger('Startup');
  const options = dataSourceOptions(config);
  const dataSource = new DataSource({ ...options, extra: { ...(options.extra as object), max: 1, application_name: 'hcmc1022-startup' } });
  const redis = createRedis(config.redis, 'request', 'hcmc1022-startup');
  try {
    const ready = await untilReady(redis, REDIS_WAIT_MS);
    if (!ready) logger.warn('Redis is not reachable: its maxmemory-policy is checked at the next start');
    try {
      await dataSource.initialize();
    } catch (err) {
      logger.warn(`PostgreSQL is not reachable (${(err as Error).message}): migrations and schema are checked at the next start`);
      const policy = ready ? await readEvictionPolicy(redis) : null;
      const problem = evictionPolicyProblem(policy);
      if (problem) throw new UnsafeStartupError([problem]);
      return;
    }
    const unsafe = await findUnsafeSettings(dataSource, redis);
    if (unsafe.length > 0) throw new UnsafeStartupError(unsafe);
  } finally {
    redis.disconnect();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
