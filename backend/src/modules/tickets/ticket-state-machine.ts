import { OPEN_STATUSES, ReportStatus } from '../report-record/report-status';

/**
 * The life of a ticket as a pure rule:
 *   new → assigned → in_progress ⇄ waiting_citizen → resolved → closed
 *   resolved → reopened → in_progress
 *   any open state → rejected (out of scope, with a public reason) or merged (into a master)
 * Transfers keep the state (they change the unit, see routing).
 */
export const TICKET_ACTIONS = ['accept', 'request_info', 'citizen_reply', 'resolve', 'reopen', 'close', 'reject', 'merge'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

const TRANSITIONS: Record<TicketAction, { from: readonly ReportStatus[]; to: ReportStatus }> = {
  accept: { from: ['assigned', 'reopened'], to: 'in_progress' },
  request_info: { from: ['in_progress'], to: 'waiting_citizen' },
  citizen_reply: { from: ['waiting_citizen'], to: 'in_progress' },
  resolve: { from: ['assigned', 'in_progress', 'reopened'], to: 'resolved' },
  reopen: { from: ['resolved'], to: 'reopened' },
  close: { from: ['resolved'], to: 'closed' },
  reject: { from: OPEN_STATUSES, to: 'rejected' },
  merge: { from: OPEN_STATUSES, to: 'merged' },
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly status: ReportStatus,
    readonly action: TicketAction,
    readonly allowed: TicketAction[],
  ) {
    super(`cannot ${action} a ${status} ticket; allowed: ${allowed.join(', ') || 'none'}`);
  }
}

export function allowedActions(status: ReportStatus): TicketAction[] {
  return (Object.keys(TRANSITIONS) as TicketAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

export function nextStatus(status: ReportStatus, action: TicketAction): ReportStatus {
  if (!TRANSITIONS[action].from.includes(status)) throw new IllegalTransitionError(status, action, allowedActions(status));
  return TRANSITIONS[action].to;
}

export function isOpen(status: ReportStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** What each action does to the SLA clocks (ServiceNow-style stop / pause / resume / reset conditions). */
export const CLOCK_EFFECTS: Record<
  TicketAction,
  {
    stop?: ('response' | 'resolution')[];
    pause?: ('response' | 'resolution')[];
    resume?: ('response' | 'resolution')[];
    restartResolution?: true;
  }
> = {
  accept: { stop: ['response'] },
  request_info: { pause: ['response', 'resolution'] },
  citizen_reply: { resume: ['response', 'resolution'] },
  resolve: { stop: ['response', 'resolution'] },
  reopen: { restartResolution: true },
  close: {},
  reject: { stop: ['response', 'resolution'] },
  merge: { stop: ['response', 'resolution'] },
};
