import { WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';
import { JobName, runJob } from './queue-jobs';
import { QueueName } from './queue-name';

/** A recurring job's data: nothing, the work is whatever PostgreSQL holds when it runs. */
export type RecurringJobData = Record<string, never>;

/**
 * A processor whose queue holds one job that recurs on a schedule and carries nothing: the work is
 * whatever PostgreSQL holds when it runs. Every worker declares the schedule at boot (an upsert,
 * so one schedule however many workers), and the job runs through the subclass's `@OnJob` method.
 */
export abstract class RecurringJobProcessor<Q extends QueueName> extends WorkerHost implements OnApplicationBootstrap {
  protected constructor(
    private readonly scheduled: Queue,
    private readonly queueName: Q,
    private readonly jobName: JobName<Q>,
    private readonly repeat: Omit<RepeatOptions, 'key'>,
    private readonly jobOptions: JobSchedulerTemplateOptions,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduled.upsertJobScheduler(this.jobName, this.repeat, { name: this.jobName, data: {}, opts: this.jobOptions });
  }

  async process(job: Job): Promise<unknown> {
    return runJob(this, this.queueName, job);
  }
}
