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
