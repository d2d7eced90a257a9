import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { JobSchedules } from '../../engine/queue/job-schedules';
import { QueueName } from '../../engine/queue/queue-name';
import { REDIS } from '../../engine/redis/redis.module';
import { SlaRepository } from './sla.repository';
import { timerDelayMs } from './sla-clock-derivation';
import { SlaStageName, timerJobId } from './sla-stages';
import { SlaTimersService } from './sla-timers.service';
import { Clock, CLOCK } from '../../engine/clock/clock';

// A Redis loss is noticed (the epoch marker gone) within this: lost routing jobs and timers come
// back well inside the 60 s that fault 1 allows.
const RECONCILE_EVERY_MS = 10_000;
const SWEEP_EVERY_MS = 10_000;
const STRANDED_AFTER_MS = 60_000;
const PAGE = 5000;

/**
 * Rebuilds what Redis forgot. Redis may lose everything (a FLUSHALL, a failover without AOF):
 * the sweeper's schedule is kept by JobSchedules; when the epoch marker is gone, every
 * running clock's next timer is put back from PostgreSQL; reports still waiting for routing are
 * queued again (their job id is the report id, so a job that still exists is not doubled).
 */
@Injectable()
export class SlaReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SlaReconcilerService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly sla: SlaRepository,
    @InjectQueue(QueueName.Sla) private readonly slaQueue: Queue,
    @InjectQueue(QueueName.Routing) private readonly routingQueue: Queue,
    private readonly timers: SlaTimersService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    schedules: JobSchedules,
  ) {
    schedules.declare(slaQueue, { id: 'sla-sweep', repeat: { every: SWEEP_EVERY_MS }, name: 'sweep' });
    // Nightly, after any calendar edits of the day: every live deadline recomputed on the calendar.
    schedules.declare(slaQueue, { id: 'sla-repair', repeat: { pattern: '30 0 * * *', tz: 'Asia/Ho_Chi_Minh' }, name: 'repair' });
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running = this.reconcile().then(
        () => undefined,
        (err) => this.logger.warn(`reconcile: ${(err as Error).message}`),
      );
    };
    tick();
    this.timer = setInterval(tick, RECONCILE_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async reconcile(now = this.clock.now()): Promise<{ rescheduled: number; rerouted: number }> {
    let rescheduled = 0;
    const epochKey = `${this.config.redis.queuePrefix}:reconciler:epoch`;
    const redisLost = (await this.redis.set(epochKey, now.toISOString(), 'NX')) === 'OK';
    if (redisLost) {
      // Straight from the stored next stage of each running clock, in bulk: timer ids are
      // deterministic, so a timer that survived is not doubled.
      for (let after = '0'; ;) {
        const page = await this.sla.runningTimers(after, PAGE);
        if (page.length === 0) break;
        await this.timers.add(
          page.map((c) => ({
            jobId: timerJobId(String(c.id), c.nextStage as SlaStageName),
            delayMs: timerDelayMs(new Date(c.nextStageAt), this.clock.now()),
          })),
        );
        rescheduled += page.length;
        after = page[page.length - 1].id;
      }
      if (rescheduled) this.logger.log(`Redis had no epoch marker: rescheduled ${rescheduled} stage timers`);
    }
    // After a Redis loss every report still unrouted may have lost its job: queue them all again
    // at once (a job that survived has the same id and is not doubled). Otherwise only those
    // waiting longer than a routing job ever takes.
    const stranded = await this.sla.strandedNewReports(redisLost ? now : new Date(now.getTime() - STRANDED_AFTER_MS), PAGE);
    if (stranded.length)
      await this.routingQueue.addBulk(stranded.map((id) => ({ name: 'route-report', data: { id }, opts: { jobId: id } })));
    return { rescheduled, rerouted: stranded.length };
  }
}
