import { ANSWERED_STATUSES, ReportStatus } from '../report-record/report-status';

/**
 * What the reporter may do on their ticket, as the public page offers it (the page asks the
 * server, never works it out itself). A cycle of a ticket ends when a resolved ticket is
 * reopened; each cycle takes one rating.
 */
export const CITIZEN_ACTIONS = ['reply', 'reject', 'rate'] as const;
export type CitizenAction = (typeof CITIZEN_ACTIONS)[number];

/** A "resolved" may be rejected this long after it was given. */
export const REJECT_WINDOW_MS = 7 * 86_400_000;

export interface CitizenTicket {
  status: ReportStatus;
  resolvedAt: Date | null;
  ratedThisCycle: boolean;
}

export function mayReject(t: Pick<CitizenTicket, 'status' | 'resolvedAt'>, now: Date): boolean {
  return t.status === 'resolved' && t.resolvedAt !== null && now.getTime() - new Date(t.resolvedAt).getTime() <= REJECT_WINDOW_MS;
}

export function mayRate(t: Pick<CitizenTicket, 'status' | 'ratedThisCycle'>): boolean {
  return ANSWERED_STATUSES.includes(t.status) && !t.ratedThisCycle;
}

export function citizenActions(t: CitizenTicket, now: Date): CitizenAction[] {
  const actions: CitizenAction[] = [];
  if (t.status === 'waiting_citizen') actions.push('reply');
  if (mayReject(t, now)) actions.push('reject');
  if (mayRate(t)) actions.push('rate');
  return actions;
}

/** The cycle a ticket is in: the first, plus one for every time it was reopened. */
export function ticketCycle(reopenings: number): number {
  return 1 + reopenings;
}
