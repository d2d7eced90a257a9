import { Module } from '@nestjs/common';
import { ConfigModule } from './engine/config/config.module';
import { DatabaseModule } from './engine/database/database.module';
import { LoggingModule } from './engine/logging/logging.module';
import { OutboxRelayModule } from './engine/outbox/outbox-relay.module';
import { QueueModule } from './engine/queue/queue.module';
import { RedisModule } from './engine/redis/redis.module';

/** The worker process: outbox relay and the BullMQ processors; no HTTP. */
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, RedisModule, QueueModule, OutboxRelayModule],
})
export class WorkerModule {}
