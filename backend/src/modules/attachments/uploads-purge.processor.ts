import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Queue } from 'bullmq';
import { OnJob, QueueJobData } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { JobSchedules } from '../../engine/queue/job-schedules';
import { RecurringJobData, RecurringJobProcessor } from '../../engine/queue/recurring-job.processor';
import { AttachmentsService, UNCLAIMED_UPLOAD_TTL_MS } from './attachments.service';
import { Clock, CLOCK } from '../../engine/clock/clock';

const PURGE_EVERY_MS = 3600_000;

/** `purge-uploads` carries nothing: what to purge is whatever PostgreSQL holds past its time. */
export type MaintenanceJobData = QueueJobData<QueueName.Maintenance, { 'purge-uploads': RecurringJobData }>;

/** Hourly: photos uploaded but never attached to a report are deleted after a day. */
@Processor(QueueName.Maintenance)
export class UploadsPurgeProcessor extends RecurringJobProcessor<QueueName.Maintenance> {
  constructor(
    private readonly attachments: AttachmentsService,
    @InjectQueue(QueueName.Maintenance) queue: Queue,
    @Inject(CLOCK) private readonly clock: Clock,
    schedules: JobSchedules,
  ) {
    super(schedules, queue, QueueName.Maintenance, 'purge-uploads', { every: PURGE_EVERY_MS }, { removeOnComplete: 24, removeOnFail: 24 });
  }

  @OnJob(QueueName.Maintenance, 'purge-uploads')
  purge(): Promise<number> {
    return this.attachments.purgeUnclaimedUploads(new Date(this.clock.now().getTime() - UNCLAIMED_UPLOAD_TTL_MS));
  }
}
