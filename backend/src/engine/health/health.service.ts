import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { pendingMigrations } from '../database/migrator';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
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
 * /ready pings Redis on a connection of its own: the shared one gives up after
 * RATE_LIMIT_REDIS_TIMEOUT_MS (250 ms), and a busy Redis answering in 300 ms is slow, not away;
 * taking it for away would take API processes out of service under load.
 */
@Injectable()
export class HealthService implements OnModuleInit, OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = createRedis(config.redis, 'request', 'hcmc1022-health', CHECK_TIMEOUT_MS);
  }

  // A fail-fast connection refuses commands until connected: the first /ready must not say "down" for that.
  async onModuleInit(): Promise<void> {
    await untilReady(this.redis, CHECK_TIMEOUT_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }

  async readiness(): Promise<Readiness> {
    const [database, redis, migrations] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.redis.ping()),
      timed(() => pendingMigrations(this.dataSource)),
    ]);
    const pending = migrations.value ?? [];
    const migrationCheck =
      migrations.status === 'ok' && pending.length > 0
        ? { status: 'down' as const, latencyMs: migrations.latencyMs, error: 'pending migrations', pending }
        : { status: migrations.status, latencyMs: migrations.latencyMs, error: migrations.error };
    const checks = {
      database: { status: database.status, latencyMs: database.latencyMs, error: database.error },
      redis: { status: redis.status, latencyMs: redis.latencyMs, error: redis.error },
      migrations: migrationCheck,
    };
    const status = Object.values(checks).every((c) => c.status === 'ok') ? 'ok' : 'down';
    return { status, checks };
  }
}
