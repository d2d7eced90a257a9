import type { RetentionDays } from '../../engine/config/app-config';

const DAY_MS = 86_400_000;

export type RetentionPolicyKey = keyof RetentionDays;

/** The policies the retention job applies, in the order it applies them. */
export const APPLIED_POLICIES: readonly RetentionPolicyKey[] = [
  'reporterContact',
  'callerNumbers',
  'closedTicketPhotos',
  'notificationLog',
  'loginRecords',
  'auditPersonal',
];

/**
 * The instant before which each policy's data has expired: `now` minus its days, counted in
 * whole 24-hour days (retention is a duration, not a calendar date, so no time zone enters).
 */
export function retentionCutoffs(now: Date, days: RetentionDays): Record<RetentionPolicyKey, Date> {
  return Object.fromEntries(APPLIED_POLICIES.map((p) => [p, new Date(now.getTime() - days[p] * DAY_MS)])) as Record<
    RetentionPolicyKey,
    Date
  >;
}
