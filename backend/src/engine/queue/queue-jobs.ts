import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { QueueName } from './queue-name';

/**
 * Every job name of each queue. Each job's data type is exported beside its processor, whose
 * methods take the jobs with `@OnJob`; the worker refuses to boot while a name here has no
 * handler (JobHandlersCheck), instead of failing the jobs one by one at run time.
 */
export const QUEUE_JOBS = {
  [QueueName.Routing]: ['route-report'],
  // `t` is a stage timer: short on purpose (see timerJobId).
  [QueueName.Sla]: ['schedule-timers', 't', 'sweep', 'repair'],
  [QueueName.Notifications]: ['deliver-notifications'],
  [QueueName.Maintenance]: ['purge-uploads'],
  [QueueName.Privacy]: ['apply-retention'],
  // A data subject's erasure (its request id is the job id), and the sweep that retakes one left unfinished.
  [QueueName.PrivacyRequests]: ['execute-erasure', 'sweep-erasures'],
} as const satisfies Record<QueueName, readonly string[]>;

export type JobName<Q extends QueueName = QueueName> = (typeof QUEUE_JOBS)[Q][number];

/** The data of each job of a queue, by name: a processor's job types checked against the registry. */
export type QueueJobData<Q extends QueueName, T extends Record<JobName<Q>, unknown>> = T;

export interface JobHandlerRef {
  queue: QueueName;
  name: string;
  method: string | symbol;
}

const JOB_HANDLERS = Symbol('job-handlers');

/** Marks a processor's method as the handler of one registered job; it receives (job, token). */
export function OnJob<Q extends QueueName>(queue: Q, name: JobName<Q>): MethodDecorator {
  return (target, method) => {
    const type = target.constructor;
    const own: JobHandlerRef[] = Reflect.getOwnMetadata(JOB_HANDLERS, type) ?? [];
    Reflect.defineMetadata(JOB_HANDLERS, [...own, { queue, name, method }], type);
  };
}

/** The jobs a class handles (its `@OnJob` methods). */
export function handledJobs(type: object): JobHandlerRef[] {
  return Reflect.getMetadata(JOB_HANDLERS, type) ?? [];
}

/** Runs the `@OnJob` method of `host` for a job of `queue`; a name without one fails for good (no retries). */
export async function runJob(host: object, queue: QueueName, job: Job, token?: string): Promise<unknown> {
  const ref = handledJobs(host.constructor).find((h) => h.queue === queue && h.name === job.name);
  if (!ref) throw new UnrecoverableError(`no handler for ${queue}/${job.name}`);
  return (host as Record<string | symbol, (job: Job, token?: string) => Promise<unknown>>)[ref.method](job, token);
}

/** Every registered job without a handler, as `queue/name`. */
export function missingHandlers(registry: Record<string, readonly string[]>, handled: Pick<JobHandlerRef, 'queue' | 'name'>[]): string[] {
  const have = new Set(handled.map((h) => `${h.queue}/${h.name}`));
  return Object.entries(registry)
    .flatMap(([queue, names]) => names.map((name) => `${queue}/${name}`))
    .filter((job) => !have.has(job));
}
