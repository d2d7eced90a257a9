import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { QueueName } from '../../engine/queue/queue-name';
import { NotificationsService } from './notifications.service';

/** Job data of `report-assigned`: ids only. */
export interface ReportAssignedJob {
  id: string;
  unitId: string;
}

@Processor(QueueName.Notifications, { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async process(job: Job<ReportAssignedJob>): Promise<boolean> {
    if (job.name !== 'report-assigned') throw new UnrecoverableError(`no handler for ${QueueName.Notifications}/${job.name}`);
    return this.notifications.unitAssigned(job.data.id, job.data.unitId, `job:${job.id}`);
  }
}
