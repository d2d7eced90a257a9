import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';

/** A job that recurs: its scheduler id, when it repeats, and the job each repetition adds. */
export interface JobSchedule {
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  name: string;
  opts?: JobSchedulerTemplateOptions;
}

/**
 * The one owner of every recurring job (notification delivery, upload purge, SLA sweep and
 * repair, retention). Processors declare their schedules; this puts them into Redis at boot and
 * puts back any that Redis lost — a FLUSHALL, a restart without persistence, a failover that
 * dropped the last writes — when a queue's connection comes back and on a periodic check
 * (JOB_SCHEDULES_CHECK_MS), so that no recurring job stops for good after a Redis loss.
 * Declaring is an upsert: one schedule however many workers run.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private readonly declared = new Map<string, { queue: Queue; schedule: JobSchedule }>();
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<number> | null = null;
  private stopped = false;

  private readonly onReconnect = () => void this.check();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  declare(queue: Queue, schedule: JobSchedule): void {
    this.declared.set(`${queue.name}:${schedule.id}`, { queue, schedule });
  }

  /** Every declared schedule as `queue:id`, for the checks. */
  get keys(): string[] {
    return [...this.declared.keys()];
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.declared.size === 0) return; // the API process declares none
    await this.ensure(true).catch((err: Error) => this.logger.warn(`recurring jobs not declared yet: ${err.message}`));
    // After a reconnect Redis may be a new, empty server: look at once, not at the next check.
    this.redis.on('ready', this.onReconnect);
    this.timer = setInterval(() => void this.check(), this.config.queue.schedulesCheckMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.redis.off('ready', this.onReconnect);
    await this.checking;
  }

  /** Puts back the schedules Redis no longer holds; how many it put back. Never throws. */
  check(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.checking ??= this.ensure(false)
      .catch((err: Error) => {
        this.logger.warn(`recurring jobs not checked (Redis away?): ${err.message}`);
        return 0;
      })
      .finally(() => (this.checking = null));
    return this.checking;
  }

  private async ensure(all: boolean): Promise<number> {
    let restored = 0;
    for (const [key, { queue, schedule }] of this.declared) {
      if (!all && (await queue.getJobScheduler(schedule.id))) continue;
      await queue.upsertJobScheduler(schedule.id, schedule.repeat, { name: schedule.name, data: {}, opts: schedule.opts });
      if (!all) {
        restored++;
        this.logger.warn(`recurring job ${key} was missing from Redis: declared again`);
      }
    }
    return restored;
  }
}
