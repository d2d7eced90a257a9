import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { closeRedis, createRedis } from './redis-connection';

/**
 * The process's shared connection for short commands (limits, sessions, health, the clock, the
 * reconciler's marker): a `request` connection, so that nothing waits on it while Redis is away.
 * BullMQ makes its own `queue` connections from the same settings (queue.module.ts).
 */
export const REDIS = Symbol('REDIS');

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}

@Global()
@Module({
  providers: [{ provide: REDIS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createRedis(c.redis, 'request', 'hcmc1022') }, RedisCloser],
  exports: [REDIS],
})
export class RedisModule {}
