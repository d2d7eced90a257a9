import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';

/** What both processes (API and worker) stand on, first among their imports and in this order. */
export const PLATFORM_MODULES = [ConfigModule, LoggingModule, DatabaseModule, RedisModule, QueueModule];
