/**
 * How a tile's time window reads the aggregates, in local days (Asia/Ho_Chi_Minh, UTC+7 all year).
 * Plain TypeScript: no Nest, no SQL.
 */

const LOCAL_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** Windows up to this long are counted from the reports themselves, to the minute. */
export const RAW_WINDOW_MS = 3 * DAY_MS;

/** The local calendar day (YYYY-MM-DD) holding an instant. */
export const localDay = (t: Date): string => new Date(t.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);

/** The local days [first, last] a window [from, to) touches: aggregates count whole days. */
export function windowDays(from: Date, to: Date): { first: string; last: string } {
  return { first: localDay(from), last: localDay(new Date(to.getTime() - 1)) };
}

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;
const nextMonth = (month: string): string => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

export interface WindowSplit {
  /** First days of the months read whole from the monthly rows. */
  months: string[];
  /** Inclusive day ranges read from the daily rows (at most two: before and after the months). */
  days: [string, string][];
}

/**
 * Splits the inclusive day range [first, last] into whole months and the days around them. A month
 * that contains `today` counts as whole when the range reaches today: nothing is filed after now.
 */
export function splitWindow(first: string, last: string, today: string): WindowSplit {
  const months: string[] = [];
  let m = first.slice(8) === '01' ? first : nextMonth(monthOf(first));
  const covers = (month: string) => {
    const end = addDays(nextMonth(month), -1);
    return end <= last || (month === monthOf(today) && last >= today);
  };
  while (m <= last && covers(m)) {
    months.push(m);
    m = nextMonth(m);
  }
  if (months.length === 0) return { months, days: [[first, last]] };
  const days: [string, string][] = [];
  if (first < months[0]) days.push([first, addDays(months[0], -1)]);
  const after = nextMonth(months[months.length - 1]);
  if (after <= last) days.push([after, last]);
  return { months, days };
}
