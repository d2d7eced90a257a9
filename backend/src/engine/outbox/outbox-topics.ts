import type { JobName } from '../queue/queue-jobs';
import { QueueName } from '../queue/queue-name';

/** Where an outbox topic goes: a queue, a job name and a deterministic job id (a replay is a no-op). */
export interface OutboxRoute {
  queue: QueueName;
  jobName: JobName;
  jobId: (message: OutboxMessage) => string;
}

export interface OutboxMessage {
  id: string;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

export const OUTBOX_CHANNEL = 'outbox';

/** Every topic the system writes to the outbox, and where the relay sends it. */
export const OUTBOX_ROUTES: Record<string, OutboxRoute> = {
  // A filed report goes to the routing queue; its id is the job id (invariant 1: no double routing).
  'report.created': { queue: QueueName.Routing, jobName: 'route-report', jobId: (m) => m.aggregateId },
  // One job per outbox row (BullMQ refuses ':' in custom ids except in its three-part form,
  // which the SLA timers use).
  // Clocks changed in PostgreSQL; the SLA queue (re)schedules the ticket's timers from there.
  'sla.changed': { queue: QueueName.Sla, jobName: 'schedule-timers', jobId: (m) => `schedule-${m.id}` },
  // A data subject asked for erasure; the request's id is the job id (one run per request).
  'privacy.erasure_requested': { queue: QueueName.PrivacyRequests, jobName: 'execute-erasure', jobId: (m) => `erasure-${m.aggregateId}` },
};
