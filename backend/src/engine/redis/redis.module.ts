import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { closeRedis, createRedis, untilReady } from './redis-connection';

/**
 * The process's shared connection for short commands (limits, sessions, health, the clock, the
 * reconciler's marker): a `request` connection, so that nothing waits on it while Redis is away.
 * BullMQ makes its own `queue` connections from the same settings (queue.module.ts).
 */
export const REDIS = Symbol('REDIS');

const CONNECT_AT_BOOT_MS = 2000;

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      // A fail-fast connection refuses commands until it is connected: boot gives it a moment
      // (bounded, a process must start without Redis) so the first commands do not fail for nothing.
      useFactory: async (c: AppConfig) => {
        const redis = createRedis(c.redis, 'request', 'hcmc1022');
        await untilReady(redis, CONNECT_AT_BOOT_MS);
        return redis;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
