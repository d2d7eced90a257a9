import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../adminQueries';
import { dayLook, isoWeekday, monthDates, suggestedKind, workingWeekdaysOf, type DayLook } from './calendarDates';

// Monday to Friday, as the seeded business hours.
const WORKING = workingWeekdaysOf([
  { weekday: 1, start: '07:30', end: '11:30' },
  { weekday: 1, start: '13:00', end: '17:00' },
  { weekday: 2, start: '07:30', end: '17:00' },
  { weekday: 3, start: '07:30', end: '17:00' },
  { weekday: 4, start: '07:30', end: '17:00' },
  { weekday: 5, start: '07:30', end: '17:00' },
]);

function entry(date: string, kind: CalendarDay['kind']): CalendarDay {
  return { date, kind, name: '', source: 'admin', updatedAt: '2026-01-01T00:00:00Z', updatedBy: null };
}

describe('isoWeekday', () => {
  it.each([
    ['2026-12-07', 1],
    ['2026-12-08', 2],
    ['2026-12-12', 6],
    ['2026-12-13', 7],
    ['2025-09-02', 2],
    ['2024-02-29', 4],
  ])('%s is weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });
});

describe('monthDates', () => {
  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2024, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, count) => {
    const dates = monthDates(year, month);
    const prefix = `${year}-${String(month).padStart(2, '0')}`;
    expect(dates).toHaveLength(count);
    expect(dates[0]).toBe(`${prefix}-01`);
    expect(dates.at(-1)).toBe(`${prefix}-${count}`);
  });
});

describe('dayLook and suggestedKind', () => {
  it('knows the working weekdays from the hours', () => {
    expect([...WORKING].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it.each<[string, CalendarDay | undefined, DayLook, CalendarDay['kind']]>([
    ['2026-12-07', undefined, 'weekday', 'holiday'],
    ['2026-12-12', undefined, 'off', 'working_day'],
    ['2026-12-13', undefined, 'off', 'working_day'],
    // An entry wins over the weekly hours.
    ['2026-09-02', entry('2026-09-02', 'holiday'), 'holiday', 'holiday'],
    ['2026-04-25', entry('2026-04-25', 'working_day'), 'working_day', 'working_day'],
    ['2026-05-04', entry('2026-05-04', 'compensatory'), 'compensatory', 'holiday'],
  ])('%s', (date, day, look, suggested) => {
    expect(dayLook(date, day, WORKING)).toBe(look);
    expect(suggestedKind(date, WORKING)).toBe(suggested);
  });
});
