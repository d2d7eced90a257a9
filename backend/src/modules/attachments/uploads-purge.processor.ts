import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { OnJob, QueueJobData, runJob } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { AttachmentsService, UNCLAIMED_UPLOAD_TTL_MS } from './attachments.service';
import { Clock, CLOCK } from '../../engine/clock/clock';

const PURGE_EVERY_MS = 3600_000;

/** `purge-uploads` carries nothing: what to purge is whatever PostgreSQL holds past its time. */
export type PurgeUploadsJob = Record<string, never>;
export type MaintenanceJobData = QueueJobData<QueueName.Maintenance, { 'purge-uploads': PurgeUploadsJob }>;

/** Hourly: photos uploaded but never attached to a report are deleted after a day. */
@Processor(QueueName.Maintenance)
export class UploadsPurgeProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly attachments: AttachmentsService,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'purge-uploads',
      { every: PURGE_EVERY_MS },
      { name: 'purge-uploads', data: {}, opts: { removeOnComplete: 24, removeOnFail: 24 } },
    );
  }

  async process(job: Job): Promise<unknown> {
    return runJob(this, QueueName.Maintenance, job);
  }

  @OnJob(QueueName.Maintenance, 'purge-uploads')
  purge(): Promise<number> {
    return this.attachments.purgeUnclaimedUploads(new Date(this.clock.now().getTime() - UNCLAIMED_UPLOAD_TTL_MS));
  }
}
