import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '../../engine/queue/queue-name';
import type { TimerPlan } from './sla.service';

export const TIMER_JOB = 't';

/** Puts stage timers into Redis. Job ids are deterministic, so adding one twice keeps one. */
@Injectable()
export class SlaTimersService {
  constructor(@InjectQueue(QueueName.Sla) private readonly queue: Queue) {}

  async add(timers: TimerPlan['add']): Promise<void> {
    if (timers.length === 0) return;
    await this.queue.addBulk(timers.map((t) => ({ name: TIMER_JOB, data: {}, opts: { jobId: t.jobId, delay: t.delayMs, removeOnComplete: true, removeOnFail: 1000, attempts: 5 } })));
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
