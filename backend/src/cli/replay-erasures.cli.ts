import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClockModule } from '../engine/clock/clock.module';
import { ConfigModule } from '../engine/config/config.module';
import { DatabaseModule } from '../engine/database/database.module';
import { RedisModule } from '../engine/redis/redis.module';
import { PersonalDataErasureService } from '../modules/privacy/erasure/personal-data-erasure.service';
import { PrivacyModule } from '../modules/privacy/privacy.module';

@Module({ imports: [ConfigModule, DatabaseModule, RedisModule, ClockModule, PrivacyModule] })
class ReplayErasuresModule {}

/** `--since <ISO time>` from the arguments, or why not. */
export function sinceArgument(args: readonly string[]): Date {
  const i = args.indexOf('--since');
  const value = i >= 0 ? args[i + 1] : undefined;
  const at = value && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw new Error(
      '--since: thời điểm của bản sao lưu đã khôi phục, dạng ISO 8601 / the time of the restored backup, ISO 8601 (e.g. --since 2026-12-01T02:00:00+07:00)',
    );
  return at;
}

/**
 * `npm run replay-erasures -w backend -- --since <ISO time>`: after restoring a backup taken at
 * that time, erases again what the erasure log says was erased since (docs/privacy.md "Backups
 * and the replica"). Give a time at or before the backup's; idempotent.
 */
async function main(): Promise<void> {
  const since = sinceArgument(process.argv.slice(2));
  const app = await NestFactory.createApplicationContext(ReplayErasuresModule, { logger: ['error', 'warn'] });
  try {
    const outcome = await app.get(PersonalDataErasureService).replaySince(since);
    console.log(`erasures replayed since ${since.toISOString()}: ${JSON.stringify(outcome)}`);
  } finally {
    await app.close();
  }
}

if (require.main === module)
  main().catch((err) => {
    console.error(`replay-erasures failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
