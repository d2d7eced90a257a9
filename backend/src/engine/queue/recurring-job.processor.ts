import { WorkerHost } from '@nestjs/bullmq';
import type { Job, JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';
import { JobSchedules } from './job-schedules';
import { JobName, runJob } from './queue-jobs';
import { QueueName } from './queue-name';

/** A recurring job's data: nothing, the work is whatever PostgreSQL holds when it runs. */
export type RecurringJobData = Record<string, never>;

/**
 * A processor whose queue holds one job that recurs on a schedule and carries nothing: the work is
 * whatever PostgreSQL holds when it runs. The schedule is declared to JobSchedules, which keeps it
 * in Redis, and the job runs through the subclass's `@OnJob` method.
 */
export abstract class RecurringJobProcessor<Q extends QueueName> extends WorkerHost {
  protected constructor(
    schedules: JobSchedules,
    scheduled: Queue,
    private readonly queueName: Q,
    jobName: JobName<Q>,
    repeat: Omit<RepeatOptions, 'key'>,
    jobOptions: JobSchedulerTemplateOptions,
  ) {
    super();
    schedules.declare(scheduled, { id: jobName, repeat, name: jobName, opts: jobOptions });
  }

  async process(job: Job): Promise<unknown> {
    return runJob(this, this.queueName, job);
  }
}
