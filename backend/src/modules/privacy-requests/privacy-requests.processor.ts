import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { OnJob, QueueJobData, runJob } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { PrivacyRequestsService } from './privacy-requests.service';

/** Ids only (STYLE.md rule 5): the subject's identifiers are read from the request's row. */
export interface ExecuteErasureJob {
  /** The request (the outbox message's aggregate). */
  id: string;
}
export type SweepErasuresJob = Record<string, never>;
export type PrivacyRequestsJobData = QueueJobData<
  QueueName.PrivacyRequests,
  { 'execute-erasure': ExecuteErasureJob; 'sweep-erasures': SweepErasuresJob }
>;

const SWEEP_BATCH = 50;

/**
 * Runs the erasures data subjects asked for. The outbox relay enqueues one job per request (its
 * id the job id); a failed run is retried by BullMQ, and every quarter of an hour a sweep retakes
 * any erasure still open, so a crash or an erasure that could not run never leaves one behind.
 */
@Processor(QueueName.PrivacyRequests)
export class PrivacyRequestsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PrivacyRequestsProcessor.name);

  constructor(
    private readonly requests: PrivacyRequestsService,
    @InjectQueue(QueueName.PrivacyRequests) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'sweep-erasures',
      { every: 15 * 60_000 },
      { name: 'sweep-erasures', data: {}, opts: { removeOnComplete: 30, removeOnFail: 30 } },
    );
  }

  async process(job: Job): Promise<unknown> {
    return runJob(this, QueueName.PrivacyRequests, job);
  }

  @OnJob(QueueName.PrivacyRequests, 'execute-erasure')
  async execute(job: Job<ExecuteErasureJob>): Promise<{ status: string }> {
    const done = await this.requests.executeErasure(job.data.id, null);
    return { status: done.status };
  }

  @OnJob(QueueName.PrivacyRequests, 'sweep-erasures')
  async sweep(): Promise<{ completed: number; failed: number }> {
    let completed = 0;
    let failed = 0;
    for (const id of await this.requests.openErasures(SWEEP_BATCH)) {
      try {
        await this.requests.executeErasure(id, null);
        completed++;
      } catch (err) {
        failed++;
        this.logger.warn({ requestId: id, code: (err as { code?: string }).code ?? 'error' }, 'erasure not completed');
      }
    }
    return { completed, failed };
  }
}
