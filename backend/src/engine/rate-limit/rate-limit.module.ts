import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import { RateLimitGuard } from './rate-limit.guard';
import { createRateLimitRedis, RATE_LIMIT_REDIS, RateLimitService } from './rate-limit.service';

@Injectable()
class RateLimitRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Imported by every module whose routes are limited (@RateLimit) or that counts with RateLimitService. */
@Module({
  providers: [
    { provide: RATE_LIMIT_REDIS, inject: [APP_CONFIG], useFactory: createRateLimitRedis },
    RateLimitRedisCloser,
    RateLimitService,
    RateLimitGuard,
  ],
  exports: [RateLimitService, RateLimitGuard],
})
export class RateLimitModule {}
