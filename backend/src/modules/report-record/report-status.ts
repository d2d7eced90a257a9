import { sqlList } from '../../engine/database/sql-list';

/**
 * The statuses of a report, written out once: the TypeScript sets and the SQL lists built from
 * them. Open: a unit still owes work (the SLA clocks run, the queues show it). Terminal: nothing
 * is owed any more — answered (resolved, closed), refused (rejected) or folded into another
 * (merged); a resolved report may still be reopened, which starts a new cycle.
 */
export type ReportStatus =
  'new' | 'assigned' | 'in_progress' | 'waiting_citizen' | 'resolved' | 'reopened' | 'closed' | 'rejected' | 'merged';
export const REPORT_STATUSES: ReportStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_citizen',
  'resolved',
  'reopened',
  'closed',
  'rejected',
  'merged',
];

export const OPEN_STATUSES: readonly ReportStatus[] = ['new', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'];
export const TERMINAL_STATUSES: readonly ReportStatus[] = ['resolved', 'closed', 'rejected', 'merged'];
/** The unit gave its answer: the reporter may rate it, the figures count it as done. */
export const ANSWERED_STATUSES: readonly ReportStatus[] = ['resolved', 'closed'];
/** Not a report of its own any more (out of scope, or a duplicate): left out of duplicate searches and recurrences. */
export const DROPPED_STATUSES: readonly ReportStatus[] = ['rejected', 'merged'];

export const isOpenStatus = (status: string): boolean => (OPEN_STATUSES as readonly string[]).includes(status);
export const isTerminalStatus = (status: string): boolean => (TERMINAL_STATUSES as readonly string[]).includes(status);

/** A parenthesised SQL list of status literals, `('resolved', 'closed')`, for `status IN …` / `NOT IN …`. */
export const statusListSql = (statuses: readonly ReportStatus[]): string => sqlList(statuses);

export const OPEN_STATUS_SQL = statusListSql(OPEN_STATUSES);
export const TERMINAL_STATUS_SQL = statusListSql(TERMINAL_STATUSES);
export const ANSWERED_STATUS_SQL = statusListSql(ANSWERED_STATUSES);
export const DROPPED_STATUS_SQL = statusListSql(DROPPED_STATUSES);

/**
 * A report of alias `r` that ended (terminal) before the instant `param`: closed, else resolved,
 * else its last change (rejected and merged set no time of their own). Retention counts from here.
 */
export const endedBeforeSql = (r: string, param: string): string =>
  `(${r}.status IN ${TERMINAL_STATUS_SQL} AND coalesce(${r}.closed_at, ${r}.resolved_at, ${r}.updated_at) < ${param})`;
