import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { QueueName } from '../../engine/queue/queue-name';
import { NoRouteError } from './route-resolution';
import { SlaTimersService } from '../sla/sla-timers.service';
import { RoutingService } from './routing.service';

/** Job data of `route-report`: the report id only, never personal data. */
export interface RouteReportJob {
  id: string;
}

/** Assigns each new report to its unit. Idempotent: a retried or replayed job assigns once. */
@Processor(QueueName.Routing, { concurrency: 8 })
export class RoutingProcessor extends WorkerHost {
  private readonly logger = new Logger(RoutingProcessor.name);

  constructor(
    private readonly routing: RoutingService,
    private readonly timers: SlaTimersService,
  ) {
    super();
  }

  async process(job: Job<RouteReportJob>): Promise<string> {
    if (job.name !== 'route-report') throw new UnrecoverableError(`no handler for ${QueueName.Routing}/${job.name}`);
    try {
      const result = await this.routing.routeNew(job.data.id);
      if (result.outcome === 'assigned') await this.timers.add(result.timers);
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
