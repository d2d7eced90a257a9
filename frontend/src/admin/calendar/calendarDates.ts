import type { CalendarDay, CalendarDayKind, HoursRange } from '../adminQueries';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number];

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The dates of a month (month 1–12) as YYYY-MM-DD. */
export function monthDates(year: number, month: number): string[] {
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = `${year}-${String(month).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(2, '0')}`);
}

/** How a day reads on the calendar: an entry's kind, else working or off by the weekly hours. */
export type DayLook = CalendarDayKind | 'weekday' | 'off';

export function dayLook(date: string, entry: CalendarDay | undefined, workingWeekdays: ReadonlySet<number>): DayLook {
  if (entry) return entry.kind;
  return workingWeekdays.has(isoWeekday(date)) ? 'weekday' : 'off';
}

export function workingWeekdaysOf(hours: readonly HoursRange[]): Set<number> {
  return new Set(hours.map((range) => range.weekday));
}

/** The kind an admin most likely means for a day: a working day on a day off, a holiday otherwise. */
export function suggestedKind(date: string, workingWeekdays: ReadonlySet<number>): CalendarDayKind {
  return workingWeekdays.has(isoWeekday(date)) ? 'holiday' : 'working_day';
}
