import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';
import { BackoffRule, backoffSeconds } from './backoff';
import { bucketsFor, RateLimitSubject } from './rate-limit-keys';
import { Bucket, PolicyName } from './rate-limit-policy';
import { RateLimitException } from './rate-limit.exception';

// How long a run of failures is remembered: past it, the count starts again from nothing.
const FAILURE_MEMORY_SECONDS = 3600;

/**
 * Counts requests in Redis, so that every API process shares one count; each limiter has an
 * in-process twin (rate-limiter-flexible's insuranceLimiter) that counts instead whenever Redis
 * fails or is slower than RATE_LIMIT_REDIS_TIMEOUT_MS (the process's `request` connection), so a limit never hangs or fails a request.
 */
@Injectable()
export class RateLimitService {
  private readonly logger = new Logger('RateLimitService');
  private readonly limiters = new Map<string, RateLimiterRedis>();
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.prefix = `${config.redis.queuePrefix}:rl`;
  }

  /** Counts one request in every bucket the policy puts it in, narrowest first; 429 at the first that is full. */
  async enforce(policy: PolicyName, subject: RateLimitSubject): Promise<void> {
    for (const { dimension, key, bucket } of bucketsFor(this.config.rateLimits.policies[policy], subject)) {
      const limiter = this.limiter(`${policy}:${dimension}`, bucket);
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes)
          throw RateLimitException.exceeded(policy, dimension, seconds(err.msBeforeNext), err.consumedPoints === bucket.limit + 1);
        // Both Redis and the in-process count failed: let the request through rather than fail it.
        this.logger.warn({ err, policy, dimension }, 'rate limit not counted');
      }
    }
  }

  /** Seconds still to wait after earlier failures under any of `keys`, 0 when none. */
  async backoffWait(name: string, keys: string[]): Promise<number> {
    const waits = await Promise.all(
      keys.map((key) => this.safely(this.waitLimiter(name).get(key), 0, (res) => (res && res.consumedPoints > 1 ? res.msBeforeNext : 0))),
    );
    return seconds(Math.max(0, ...waits), 0);
  }

  /** One more failure under each key (each with its own rule): the next attempt waits as backoffSeconds says. */
  async recordFailure(name: string, keyed: Array<{ key: string; rule: BackoffRule }>): Promise<void> {
    await Promise.all(
      keyed.map(async ({ key, rule }) => {
        const failures = await this.safely(this.failureLimiter(name).consume(key), 0, (res) => res.consumedPoints);
        const wait = backoffSeconds(failures, rule);
        if (wait > 0) await this.safely(this.waitLimiter(name).block(key, wait), null, () => null);
      }),
    );
  }

  /** Forgets the failures under `keys` (a successful sign-in). */
  async clearFailures(name: string, keys: string[]): Promise<void> {
    await Promise.all(
      keys.flatMap((key) => [
        this.safely(this.failureLimiter(name).delete(key), false, () => true),
        this.safely(this.waitLimiter(name).delete(key), false, () => true),
      ]),
    );
  }

  private async safely<T, R>(operation: Promise<T>, fallback: R, map: (value: T) => R): Promise<R> {
    try {
      return map(await operation);
    } catch (err) {
      if (err instanceof RateLimiterRes) return map(err as T);
      this.logger.warn({ err }, 'rate limit store failed');
      return fallback;
    }
  }

  private failureLimiter(name: string): RateLimiterRedis {
    return this.limiter(`${name}:failures`, { limit: Number.MAX_SAFE_INTEGER, windowSeconds: FAILURE_MEMORY_SECONDS });
  }

  // One point: block() sets it past the limit for the wait, so get() tells whether a key waits.
  private waitLimiter(name: string): RateLimiterRedis {
    return this.limiter(`${name}:wait`, { limit: 1, windowSeconds: 1 });
  }

  private limiter(name: string, bucket: Bucket): RateLimiterRedis {
    const id = `${name}:${bucket.limit}:${bucket.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const keyPrefix = `${this.prefix}:${name}`;
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix,
        points: bucket.limit,
        duration: bucket.windowSeconds,
        // Not connected: count in the process at once instead of queueing the command.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: bucket.limit, duration: bucket.windowSeconds }),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}

function seconds(ms: number, min = 1): number {
  return Math.max(min, Math.ceil(ms / 1000));
}
