import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const REDIS = Symbol('REDIS');

export function createRedis(url: string, name: string): Redis {
  // maxRetriesPerRequest null: commands wait for a reconnect instead of failing while Redis restarts;
  // BullMQ requires it for its blocking connections.
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [{ provide: REDIS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createRedis(c.redis.url, 'hcmc1022') }, RedisCloser],
  exports: [REDIS],
})
export class RedisModule {}
