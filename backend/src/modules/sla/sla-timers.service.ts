import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { JobName } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import type { TimerPlan } from './sla.service';

export const TIMER_JOB: JobName<QueueName.Sla> = 't';

/** Puts stage timers into Redis. Job ids are deterministic, so adding one twice keeps one. */
@Injectable()
export class SlaTimersService {
  constructor(@InjectQueue(QueueName.Sla) private readonly queue: Queue) {}

  async add(timers: TimerPlan['add']): Promise<void> {
    if (timers.length === 0) return;
    // Options kept minimal on purpose: BullMQ stores them in the job's hash, and a value over 64
    // bytes turns Redis's compact listpack into a full hash table, tripling the bytes per timer.
    // (Removal on completion is the worker's setting.) A failed timer needs no retry: the
    // sweeper fires the stage from PostgreSQL anyway.
    await this.queue.addBulk(timers.map((t) => ({ name: TIMER_JOB, data: {}, opts: { jobId: t.jobId, delay: t.delayMs } })));
  }

  /** Makes Redis hold exactly the plan: removes what must go, moves what exists, adds the rest. */
  async apply(plan: TimerPlan): Promise<void> {
    for (const jobId of plan.remove) await this.queue.remove(jobId).catch(() => 0);
    const fresh: TimerPlan['add'] = [];
    for (const t of plan.add) {
      const existing = await this.queue.getJob(t.jobId);
      if (!existing) {
        fresh.push(t);
      } else if (await existing.isDelayed()) {
        await existing.changeDelay(t.delayMs);
      } else if (!(await existing.isActive())) {
        await existing.remove().catch(() => undefined);
        fresh.push(t);
      }
    }
    await this.add(fresh);
  }
}
