import type { HoursRange } from '../adminQueries';
import { WEEKDAYS, type WeekdayKey } from './calendarDates';

export interface RangeDraft {
  /** Stable id of a row while it is edited (React key, error lookup). */
  id: number;
  start: string;
  end: string;
}

export type WeekDraft = Record<WeekdayKey, RangeDraft[]>;

let nextId = 1;
export function newRange(start = '', end = ''): RangeDraft {
  return { id: nextId++, start, end };
}

export function draftOfHours(hours: readonly HoursRange[]): WeekDraft {
  const week = Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, [] as RangeDraft[]])) as WeekDraft;
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  for (const range of sorted) {
    const key = String(range.weekday) as WeekdayKey;
    if (week[key]) week[key].push(newRange(range.start, range.end));
  }
  return week;
}

/**
 * The request body, and which row each entry of it came from: the server names a bad range by
 * its position (`ranges.3`), the form shows the error on that row.
 */
export function requestOfDraft(week: WeekDraft): { ranges: HoursRange[]; rowIds: number[] } {
  const ranges: HoursRange[] = [];
  const rowIds: number[] = [];
  for (const weekday of WEEKDAYS) {
    for (const row of week[weekday]) {
      ranges.push({ weekday: Number(weekday), start: row.start.trim(), end: row.end.trim() });
      rowIds.push(row.id);
    }
  }
  return { ranges, rowIds };
}

/** "ranges.3" or "ranges.3.start" → 3; anything else → null. */
export function rangeIndexOfField(field: string): number | null {
  const match = /^ranges\.(\d+)(\.|$)/.exec(field);
  return match ? Number(match[1]) : null;
}
