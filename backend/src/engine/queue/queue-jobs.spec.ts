import { Job, UnrecoverableError } from 'bullmq';
import { UploadsPurgeProcessor } from '../../modules/attachments/uploads-purge.processor';
import { NotificationDeliveryProcessor } from '../../modules/notifications/notification-delivery.processor';
import { PrivacyRequestsProcessor } from '../../modules/privacy-requests/privacy-requests.processor';
import { RetentionProcessor } from '../../modules/privacy/retention.processor';
import { RoutingProcessor } from '../../modules/routing/routing.processor';
import { SlaProcessor } from '../../modules/sla/sla.processor';
import { OUTBOX_ROUTES } from '../outbox/outbox-topics';
import { handledJobs, missingHandlers, OnJob, QUEUE_JOBS, runJob } from './queue-jobs';
import { QueueName } from './queue-name';

describe('the job-name registry', () => {
  it.each([
    [
      'every name handled',
      { a: ['x', 'y'], b: ['z'] },
      [
        ['a', 'x'],
        ['a', 'y'],
        ['b', 'z'],
      ],
      [],
    ],
    [
      'one name without a handler',
      { a: ['x', 'y'], b: ['z'] },
      [
        ['a', 'x'],
        ['b', 'z'],
      ],
      ['a/y'],
    ],
    ['a whole queue without a processor', { a: ['x'], b: ['z', 'w'] }, [['a', 'x']], ['b/z', 'b/w']],
    ['the same name on another queue does not count', { a: ['x'], b: ['x'] }, [['a', 'x']], ['b/x']],
    [
      'extra handlers are no fault',
      { a: ['x'] },
      [
        ['a', 'x'],
        ['a', 'old'],
      ],
      [],
    ],
  ])('missingHandlers: %s', (_, registry, handled, missing) => {
    expect(
      missingHandlers(
        registry,
        handled.map(([queue, name]) => ({ queue: queue as QueueName, name })),
      ),
    ).toEqual(missing);
  });

  it("the worker's processors handle every registered job", () => {
    const handled = [
      RoutingProcessor,
      SlaProcessor,
      NotificationDeliveryProcessor,
      UploadsPurgeProcessor,
      RetentionProcessor,
      PrivacyRequestsProcessor,
    ].flatMap((p) => handledJobs(p));
    expect(missingHandlers(QUEUE_JOBS, handled)).toEqual([]);
  });

  it('every outbox route sends a registered job name to its queue', () => {
    for (const route of Object.values(OUTBOX_ROUTES)) expect(QUEUE_JOBS[route.queue] as readonly string[]).toContain(route.jobName);
  });

  it('runJob calls the handler of the name with the job and token, and fails an unknown name for good', async () => {
    class Host {
      seen: unknown[] = [];
      @OnJob(QueueName.Sla, 'sweep')
      async sweep(job: Job, token?: string) {
        this.seen.push(job.name, token);
        return 7;
      }
    }
    const host = new Host();
    await expect(runJob(host, QueueName.Sla, { name: 'sweep' } as Job, 'tok')).resolves.toBe(7);
    expect(host.seen).toEqual(['sweep', 'tok']);
    await expect(runJob(host, QueueName.Sla, { name: 'repair' } as Job)).rejects.toThrow(
      new UnrecoverableError('no handler for sla/repair'),
    );
    // A handler for the same name on another queue is not this queue's.
    await expect(runJob(host, QueueName.Routing, { name: 'sweep' } as Job)).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
