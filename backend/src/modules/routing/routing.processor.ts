import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { Batcher } from '../../engine/queue/batcher';
import { OnJob, QueueJobData, runJob } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { NoRouteError } from './route-resolution';
import { SlaTimersService } from '../sla/sla-timers.service';
import { RouteOutcome, RoutingService } from './routing.service';

/** Job data of `route-report`: the report id only, never personal data. */
export interface RouteReportJob {
  id: string;
}
export type RoutingJobData = QueueJobData<QueueName.Routing, { 'route-report': RouteReportJob }>;

/** Assigns each new report to its unit. Idempotent: a retried or replayed job assigns once. */
// Jobs picked up together are routed together (Batcher): one transaction per batch.
// A worker killed mid-job holds up to 200 routing jobs: BullMQ gives them to another worker once
// their lock lapses (10 s, renewed every 5 s while the job runs) at the next stalled check (5 s),
// not after the default 30 + 30 s, so reports are assigned within the 60 s of fault 2. Routing is
// idempotent, so a job may stall (its worker killed) several times and still run to the end.
@Processor(QueueName.Routing, { concurrency: 200, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 })
export class RoutingProcessor extends WorkerHost {
  private readonly logger = new Logger(RoutingProcessor.name);

  private readonly batcher: Batcher<string, RouteOutcome>;

  constructor(
    private readonly routing: RoutingService,
    private readonly timers: SlaTimersService,
  ) {
    super();
    this.batcher = new Batcher(
      async (ids) => {
        const { outcomes, timers } = await this.routing.routeMany(ids);
        await this.timers.add(timers);
        return ids.map((id) => outcomes.get(id) ?? { outcome: 'missing' as const });
      },
      // At once when idle; under load, the next batch is what arrived while two were running.
      { size: 100, inFlight: 2 },
    );
  }

  async process(job: Job): Promise<unknown> {
    return runJob(this, QueueName.Routing, job);
  }

  @OnJob(QueueName.Routing, 'route-report')
  async route(job: Job<RoutingJobData['route-report']>): Promise<string> {
    try {
      const result = await this.batcher.add(job.data.id);
      if (result.outcome === 'no_route') throw new NoRouteError(result.reason);
      return result.outcome;
    } catch (err) {
      // A ward without a committee and a category without a unit is configuration, not load:
      // retrying will not help, the admin must add a rule.
      if (err instanceof NoRouteError) {
        this.logger.error(`report ${job.data.id}: ${err.message}`);
        throw new UnrecoverableError(err.message);
      }
      throw err;
    }
  }
}
