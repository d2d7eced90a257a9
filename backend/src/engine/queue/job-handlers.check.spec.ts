import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { JobHandlersCheck, MissingJobHandlerError } from './job-handlers.check';
import { OnJob, QUEUE_JOBS } from './queue-jobs';
import { QueueName } from './queue-name';

/** A processor that handles every registered job but those named in `without`. */
function processorWithout(...without: string[]) {
  @Injectable()
  class Handles {
    async handle(): Promise<void> {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Handles.prototype, 'handle')!;
  for (const [queue, names] of Object.entries(QUEUE_JOBS) as [QueueName, readonly string[]][]) {
    for (const name of names)
      if (!without.includes(`${queue}/${name}`)) OnJob(queue, name as never)(Handles.prototype, 'handle', descriptor);
  }
  return Handles;
}

describe('the worker boot check (JobHandlersCheck)', () => {
  const boot = (processor: ReturnType<typeof processorWithout>) =>
    Test.createTestingModule({ imports: [DiscoveryModule], providers: [processor, JobHandlersCheck] }).compile();

  it('refuses to boot, naming the job, when a registered job name has no handler', async () => {
    await expect(boot(processorWithout('sla/repair'))).rejects.toThrow(MissingJobHandlerError);
    await expect(boot(processorWithout('sla/repair'))).rejects.toThrow('no handler for job "sla/repair"');
    await expect(boot(processorWithout('routing/route-report', 'maintenance/purge-uploads'))).rejects.toThrow(
      'no handler for job "routing/route-report", "maintenance/purge-uploads"',
    );
  });

  it('boots when every registered job has a handler', async () => {
    const app = await boot(processorWithout());
    expect(app.get(JobHandlersCheck)).toBeInstanceOf(JobHandlersCheck);
    await app.close();
  });
});
