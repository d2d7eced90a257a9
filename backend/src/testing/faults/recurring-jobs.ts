import { ConnectionOptions, Queue } from 'bullmq';
import { QueueName } from '../../engine/queue/queue-name';
import { DEMO_PASSWORD } from '../http-client';

/** The queue prefix of the fault tier's processes (app-process.ts). */
export const FAULT_PREFIX = '{hcmc1022fault}';

/** Every recurring job the worker declares (engine/queue/job-schedules.ts): queue and scheduler id. */
export const RECURRING: ReadonlyArray<[QueueName, string]> = [
  [QueueName.Notifications, 'deliver-notifications'],
  [QueueName.Maintenance, 'purge-uploads'],
  [QueueName.Sla, 'sla-sweep'],
  [QueueName.Sla, 'sla-repair'],
  [QueueName.Privacy, 'apply-retention'],
];

/** The test's own view of every queue, expected to fail while Redis is away (errors ignored). */
export function faultQueues(connection: ConnectionOptions): Map<QueueName, Queue> {
  return new Map(
    Object.values(QueueName).map((name) => {
      const queue = new Queue(name, { connection, prefix: FAULT_PREFIX });
      queue.on('error', () => undefined);
      return [name, queue];
    }),
  );
}

export async function closeQueues(queues: Map<QueueName, Queue> | undefined): Promise<void> {
  await Promise.all([...(queues?.values() ?? [])].map((q) => q.close()));
}

/** The recurring jobs not in Redis now, as `queue:id`. */
export async function missingSchedules(queues: Map<QueueName, Queue>): Promise<string[]> {
  const missing: string[] = [];
  for (const [queue, id] of RECURRING) if (!(await queues.get(queue)!.getJobScheduler(id))) missing.push(`${queue}:${id}`);
  return missing;
}

/** One sign-in as the demo leader: its status (0: no answer within 30 s) and how long it took. */
export async function timedSignIn(baseUrl: string): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'leader', password: DEMO_PASSWORD }),
    signal: AbortSignal.timeout(30_000),
  }).catch(() => null);
  return { status: res?.status ?? 0, ms: Date.now() - started };
}
