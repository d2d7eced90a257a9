import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ListenedClient } from '../database/data-source';
import { closeRedis, createRedis, untilReady } from '../redis/redis-connection';

export interface CheckResult {
  status: 'ok' | 'down';
  latencyMs: number;
  error?: string;
}

export interface Readiness {
  status: 'ok' | 'down';
  checks: { database: CheckResult; redis: CheckResult; migrations: CheckResult & { pending?: string[] } };
}

const CHECK_TIMEOUT_MS = 2000;
// Load balancers and monitors ask several times a second per process: one check answers all
// the calls of this long, and calls during a check wait for it instead of starting another.
const ANSWER_FOR_MS = 1000;

async function timed<T>(fn: () => Promise<T>): Promise<CheckResult & { value?: T }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    const value = await Promise.race([fn(), timeout]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started), value };
  } catch (err) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * /ready. The database is checked on a connection of its own, not the request pool: under 50
 * requests a second the shared pool had no connection free within the check's 2 s and /ready
 * said 503 while every request succeeded (a load balancer would then have taken a healthy
 * process out). One statement checks both the database and the migrations. Redis is pinged on
 * a connection of its own too: the shared one gives up after RATE_LIMIT_REDIS_TIMEOUT_MS (250 ms),
 * and a busy Redis answering in 300 ms is slow, not away.
 */
@Injectable()
export class HealthService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(HealthService.name);
  private readonly probe: Pool;
  private readonly redis: Redis;
  private last: { at: number; readiness: Readiness } | null = null;
  private checking: Promise<Readiness> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.probe = new Pool({
      connectionString: config.database.url,
      application_name: 'hcmc1022-ready',
      max: 1,
      Client: ListenedClient,
      connectionTimeoutMillis: CHECK_TIMEOUT_MS,
      statement_timeout: CHECK_TIMEOUT_MS,
    });
    this.probe.on('error', (err) => this.logger.debug(`readiness connection lost: ${err.message}`));
    // Redis likewise: the shared connection gives up after RATE_LIMIT_REDIS_TIMEOUT_MS (250 ms),
    // and a Redis answering in 300 ms under load is slow, not away.
    this.redis = createRedis(config.redis, 'request', 'hcmc1022-ready', CHECK_TIMEOUT_MS);
  }

  // A fail-fast connection refuses commands until connected: the first /ready must not say "down" for that.
  async onModuleInit(): Promise<void> {
    await untilReady(this.redis, CHECK_TIMEOUT_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.probe.end().catch(() => undefined), closeRedis(this.redis)]);
  }

  readiness(): Promise<Readiness> {
    if (this.last && performance.now() - this.last.at < ANSWER_FOR_MS) return Promise.resolve(this.last.readiness);
    this.checking ??= this.check().finally(() => (this.checking = null));
    return this.checking;
  }

  private async check(): Promise<Readiness> {
    const [database, redis] = await Promise.all([timed(() => this.appliedMigrations()), timed(() => this.redis.ping())]);
    const known = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    const pending = database.value ? known.filter((n) => !database.value!.has(n)) : [];
    const migrationCheck: Readiness['checks']['migrations'] =
      database.status !== 'ok'
        ? { status: 'down', latencyMs: database.latencyMs, error: 'database unavailable' }
        : pending.length > 0
          ? { status: 'down', latencyMs: database.latencyMs, error: 'pending migrations', pending }
          : { status: 'ok', latencyMs: database.latencyMs };
    const checks = {
      database: { status: database.status, latencyMs: database.latencyMs, error: database.error },
      redis: { status: redis.status, latencyMs: redis.latencyMs, error: redis.error },
      migrations: migrationCheck,
    };
    const readiness: Readiness = { status: Object.values(checks).every((c) => c.status === 'ok') ? 'ok' : 'down', checks };
    this.last = { at: performance.now(), readiness };
    return readiness;
  }

  /** Names of the applied migrations (none when the table is not there yet). */
  private async appliedMigrations(): Promise<Set<string>> {
    try {
      const { rows } = await this.probe.query<{ name: string }>('SELECT name FROM schema_migrations');
      return new Set(rows.map((r) => r.name));
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') return new Set(); // undefined_table: never migrated
      throw err;
    }
  }
}
