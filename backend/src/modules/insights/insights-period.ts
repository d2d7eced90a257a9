/** Viet Nam has kept UTC+7 without daylight saving since 1975, so local midnight is a fixed offset. */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export type InsightsPeriod = 'day' | 'week';

export interface PeriodBounds {
  from: Date;
  to: Date;
  previousFrom: Date;
  /** Trend buckets: 24 hours of a day, 7 days of a week. */
  buckets: number;
  bucketSeconds: number;
}

/** The local (Asia/Ho_Chi_Minh) day, or ISO week Monday–Sunday, containing `at`, and the one before it. */
export function periodBounds(period: InsightsPeriod, at: Date): PeriodBounds {
  const local = at.getTime() + OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: days since epoch + 3, mod 7, counts days since Monday.
  const sinceMonday = (((Math.floor(local / DAY_MS) + 3) % 7) + 7) % 7;
  const start = period === 'day' ? dayStart : dayStart - sinceMonday * DAY_MS;
  const length = period === 'day' ? DAY_MS : 7 * DAY_MS;
  return {
    from: new Date(start - OFFSET_MS),
    to: new Date(start + length - OFFSET_MS),
    previousFrom: new Date(start - length - OFFSET_MS),
    buckets: period === 'day' ? 24 : 7,
    bucketSeconds: period === 'day' ? 3600 : 86_400,
  };
}

export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;

/**
 * The figures' period from the `from` / `to` filters: `to` defaults to now, `from` to 30 days
 * before `to`. Null when it runs backwards, is empty or spans more than 366 days.
 */
export function filterPeriod(now: Date, fromIso?: string, toIso?: string): { from: Date; to: Date } | null {
  const to = toIso ? new Date(toIso) : now;
  const from = fromIso ? new Date(fromIso) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) return null;
  return { from, to };
}

export type ChangePeriod = 'day' | 'week' | 'month';

/** Rolling lengths, as the dashboard's time window (a month is 30 days, so both halves are equal). */
export const CHANGE_PERIOD_DAYS: Record<ChangePeriod, number> = { day: 1, week: 7, month: 30 };

export interface ChangeWindows {
  current: { from: Date; to: Date };
  previous: { from: Date; to: Date };
}

/** The period ending at `at` and the one of equal length just before it. */
export function changeWindows(period: ChangePeriod, at: Date): ChangeWindows {
  const length = CHANGE_PERIOD_DAYS[period] * DAY_MS;
  const to = at.getTime();
  return {
    current: { from: new Date(to - length), to: new Date(to) },
    previous: { from: new Date(to - 2 * length), to: new Date(to - length) },
  };
}
