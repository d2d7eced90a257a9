import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock, CLOCK } from '../engine/clock/clock';
import { ClockModule } from '../engine/clock/clock.module';
import { ConfigModule } from '../engine/config/config.module';
import { DatabaseModule } from '../engine/database/database.module';
import { RedisModule } from '../engine/redis/redis.module';
import { PrivacyModule } from '../modules/privacy/privacy.module';
import { RetentionService } from '../modules/privacy/retention.service';

@Module({ imports: [ConfigModule, DatabaseModule, RedisModule, ClockModule, PrivacyModule] })
class ApplyRetentionModule {}

/**
 * `npm run apply-retention -w backend`: the nightly retention job, at once — after restoring a
 * backup, which brings back data the job had already anonymised (docs/privacy.md). Idempotent.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ApplyRetentionModule, { logger: ['error', 'warn'] });
  try {
    const counts = await app.get(RetentionService).apply(app.get<Clock>(CLOCK).now());
    console.log(`retention applied: ${JSON.stringify(counts)}`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(`apply-retention failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
