// No imports: the browser test reads this file too (e2e, another module resolution).
// Asia/Ho_Chi_Minh is UTC+7 all year, so city dates are a fixed offset away (see admin/cityTime.ts).
const CITY_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const cityToday = (now: number) => new Date(now + CITY_OFFSET_MS).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const cityMidnightIso = (date: string) => `${date}T00:00:00+07:00`;

export type RankingPeriod = 'thisMonth' | 'lastMonth' | 'last90';
export const RANKING_PERIODS: readonly RankingPeriod[] = ['thisMonth', 'lastMonth', 'last90'];

export interface RankingBounds {
  /** API instants: city midnight at the start of the first day and after the last. */
  from: string;
  to: string;
  /** The city dates shown, YYYY-MM-DD (both included). */
  firstDay: string;
  lastDay: string;
}

/** First day of a month (month may run past 12 or below 1), YYYY-MM-DD. */
function monthStart(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
}

function days(firstDay: string, dayAfter: string): RankingBounds {
  return { from: cityMidnightIso(firstDay), to: cityMidnightIso(dayAfter), firstDay, lastDay: addDays(dayAfter, -1) };
}

/**
 * The period picked, in city dates. "This month" runs to the end of the month, so its figures
 * grow through the month while the request stays the same; "last 90 days" counts today as the 90th.
 */
export function rankingPeriod(period: RankingPeriod, now: number = Date.now()): RankingBounds {
  const today = cityToday(now);
  const [year, month] = today.split('-').map(Number);
  switch (period) {
    case 'thisMonth':
      return days(monthStart(year, month), monthStart(year, month + 1));
    case 'lastMonth':
      return days(monthStart(year, month - 1), monthStart(year, month));
    case 'last90':
      return days(addDays(today, -89), addDays(today, 1));
  }
}
