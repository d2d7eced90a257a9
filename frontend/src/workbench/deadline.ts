import type { QueueItem } from './workbenchQueries';

const HOUR_MS = 3_600_000;
/** A ticket is flagged when it has less than a quarter of its time, or less than four hours, left. */
const WARNING_SHARE = 0.25;
const WARNING_MS = 4 * HOUR_MS;

export type DeadlineState = 'none' | 'paused' | 'ok' | 'warning' | 'overdue';

export interface Deadline {
  state: DeadlineState;
  dueAt: string | null;
  /** Wall-clock milliseconds left; negative once overdue; null without a deadline. */
  remainingMs: number | null;
}

/**
 * The badge of a queue row. The remaining time is wall time, not business time: the deadline
 * itself was computed on business time by the server, so it is exact; only "time left" is coarse.
 */
export function deadlineOf(item: Pick<QueueItem, 'createdAt' | 'responseDueAt' | 'resolutionDueAt' | 'slaState'>, now: number): Deadline {
  const dueAt = item.resolutionDueAt ?? item.responseDueAt;
  if (!dueAt) return { state: item.slaState === 'paused' ? 'paused' : 'none', dueAt: null, remainingMs: null };
  const due = Date.parse(dueAt);
  const remainingMs = due - now;
  if (item.slaState === 'paused') return { state: 'paused', dueAt, remainingMs };
  if (remainingMs < 0) return { state: 'overdue', dueAt, remainingMs };
  const total = due - Date.parse(item.createdAt);
  const warning = remainingMs < WARNING_MS || (total > 0 && remainingMs < total * WARNING_SHARE);
  return { state: warning ? 'warning' : 'ok', dueAt, remainingMs };
}

/** Days, hours and minutes of a duration, largest first, at most two parts ("2 ngày 3 giờ"). */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const minutesTotal = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}
