import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { OnJob, QueueJobData, runJob } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { DeliveryOutcome, NotificationDeliveryService } from './notification-delivery.service';

/** `deliver-notifications` carries nothing: the rows to send are whatever is due in PostgreSQL. */
export type DeliverNotificationsJobData = Record<string, never>;
export type NotificationsJobData = QueueJobData<QueueName.Notifications, { 'deliver-notifications': DeliverNotificationsJobData }>;

/**
 * Every few seconds (NOTIFY_DELIVERY_EVERY_MS): one batch of due notifications. A scheduler, not
 * a job per row, so jobs carry no personal data and a Redis loss loses no notification.
 */
@Processor(QueueName.Notifications)
export class NotificationDeliveryProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly delivery: NotificationDeliveryService,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'deliver-notifications',
      { every: this.config.notifications.deliveryEveryMs },
      // The next tick retries anyway: no BullMQ retries, keep little history.
      { name: 'deliver-notifications', data: {}, opts: { attempts: 1, removeOnComplete: 24, removeOnFail: 100 } },
    );
  }

  async process(job: Job): Promise<unknown> {
    return runJob(this, QueueName.Notifications, job);
  }

  @OnJob(QueueName.Notifications, 'deliver-notifications')
  deliver(): Promise<DeliveryOutcome> {
    return this.delivery.deliverDue();
  }
}
