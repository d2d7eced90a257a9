import { Inject, Injectable, Module, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';
import { Clock, CLOCK, clockOffsetKey, parseClockOffset, ShiftedClock, systemClock } from './clock';

const FOLLOW_EVERY_MS = 200;

/**
 * Follows the offset in Redis on a ShiftedClock: read at boot and every FOLLOW_EVERY_MS, never
 * awaited, skipped while Redis is away (a process must run without Redis) or a read is pending.
 */
@Injectable()
export class ClockShiftFollower implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private reading = false;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!(this.clock instanceof ShiftedClock) || !this.redis || !this.config) return;
    this.follow();
    this.timer = setInterval(() => this.follow(), FOLLOW_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private follow(): void {
    const clock = this.clock as ShiftedClock;
    if (this.reading || this.redis!.status !== 'ready') return;
    this.reading = true;
    this.redis!.get(clockOffsetKey(this.config!.redis.queuePrefix))
      .then((value) => (clock.offsetMs = parseClockOffset(value)))
      .catch(() => undefined)
      .finally(() => (this.reading = false));
  }
}

/** Never shifted in production, nor without a configuration to say it is not production. */
export function clockFor(config?: Pick<AppConfig, 'env'>): Clock {
  return config && config.env !== 'production' ? new ShiftedClock() : systemClock;
}

/**
 * The clock of every process: the system time in production; in development and test the system
 * time plus the offset a test sets in Redis, so that a running API or worker can be moved forward.
 */
@Module({
  providers: [
    {
      provide: CLOCK,
      inject: [{ token: APP_CONFIG, optional: true }],
      useFactory: clockFor,
    },
    ClockShiftFollower,
  ],
  exports: [CLOCK],
})
export class ClockModule {}
