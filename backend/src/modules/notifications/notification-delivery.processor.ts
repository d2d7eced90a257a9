import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { OnJob, QueueJobData } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { JobSchedules } from '../../engine/queue/job-schedules';
import { RecurringJobData, RecurringJobProcessor } from '../../engine/queue/recurring-job.processor';
import { DeliveryOutcome, NotificationDeliveryService } from './notification-delivery.service';

/** `deliver-notifications` carries nothing: the rows to send are whatever is due in PostgreSQL. */
export type NotificationsJobData = QueueJobData<QueueName.Notifications, { 'deliver-notifications': RecurringJobData }>;

/**
 * Every few seconds (NOTIFY_DELIVERY_EVERY_MS): one batch of due notifications. A scheduler, not
 * a job per row, so jobs carry no personal data and a Redis loss loses no notification.
 */
@Processor(QueueName.Notifications)
export class NotificationDeliveryProcessor extends RecurringJobProcessor<QueueName.Notifications> {
  constructor(
    private readonly delivery: NotificationDeliveryService,
    @InjectQueue(QueueName.Notifications) queue: Queue,
    @Inject(APP_CONFIG) config: AppConfig,
    schedules: JobSchedules,
  ) {
    // The next tick retries anyway: no BullMQ retries, keep little history.
    super(
      schedules,
      queue,
      QueueName.Notifications,
      'deliver-notifications',
      { every: config.notifications.deliveryEveryMs },
      { attempts: 1, removeOnComplete: 24, removeOnFail: 100 },
    );
  }

  @OnJob(QueueName.Notifications, 'deliver-notifications')
  deliver(): Promise<DeliveryOutcome> {
    return this.delivery.deliverDue();
  }
}
