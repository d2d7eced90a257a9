import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { pendingMigrations } from '../database/migrator';
import { REDIS } from '../redis/redis.module';

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

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

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
