import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Clock, CLOCK } from '../../engine/clock/clock';
import { JobSchedules } from '../../engine/queue/job-schedules';
import { OnJob, QueueJobData, runJob } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { RetentionCounts, RetentionService } from './retention.service';

/** `apply-retention` carries nothing: what has expired is whatever PostgreSQL holds past its time. */
export type ApplyRetentionJob = Record<string, never>;
export type PrivacyJobData = QueueJobData<QueueName.Privacy, { 'apply-retention': ApplyRetentionJob }>;

/** Nightly, at 02:30 city time (off-peak): anonymises what the retention policies say has expired. */
@Processor(QueueName.Privacy)
export class RetentionProcessor extends WorkerHost {
  constructor(
    private readonly retention: RetentionService,
    @InjectQueue(QueueName.Privacy) queue: Queue,
    @Inject(CLOCK) private readonly clock: Clock,
    schedules: JobSchedules,
  ) {
    super();
    schedules.declare(queue, {
      id: 'apply-retention',
      repeat: { pattern: '30 2 * * *', tz: 'Asia/Ho_Chi_Minh' },
      name: 'apply-retention',
      opts: { removeOnComplete: 30, removeOnFail: 30 },
    });
  }

  async process(job: Job): Promise<unknown> {
    return runJob(this, QueueName.Privacy, job);
  }

  @OnJob(QueueName.Privacy, 'apply-retention')
  apply(): Promise<RetentionCounts> {
    return this.retention.apply(this.clock.now());
  }
}
