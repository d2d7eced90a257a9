import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { handledJobs, missingHandlers, QUEUE_JOBS } from './queue-jobs';

export class MissingJobHandlerError extends Error {
  constructor(readonly jobs: string[]) {
    super(
      `no handler for job ${jobs.map((j) => `"${j}"`).join(', ')}: every job name in engine/queue/queue-jobs.ts needs an @OnJob method in a processor the worker loads`,
    );
    this.name = 'MissingJobHandlerError';
  }
}

/**
 * The worker's boot check: every registered job name has a handler among its providers. Runs
 * while providers are built, before any BullMQ worker starts taking jobs.
 */
@Injectable()
export class JobHandlersCheck {
  constructor(discovery: DiscoveryService) {
    const handled = discovery.getProviders().flatMap((w) => (w.metatype ? handledJobs(w.metatype) : []));
    const missing = missingHandlers(QUEUE_JOBS, handled);
    if (missing.length > 0) throw new MissingJobHandlerError(missing);
  }
}
