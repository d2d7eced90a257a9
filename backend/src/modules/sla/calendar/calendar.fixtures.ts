import { BusinessCalendar, CalendarDay, DEFAULT_WEEKLY_HOURS, HCMC_TIME_ZONE } from './business-calendar';
import { vietnamCalendarDays } from './vietnam-holidays';

/** A wall-clock time in Ho Chi Minh City, for readable known answers in specs ('2026-02-13 16:30'). */
export function hcmc(local: string): Date {
  const d = new Date(`${local.replace(' ', 'T')}:00+07:00`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`bad fixture time ${local}`);
  return d;
}

/** The city's default calendar with the preloaded 2025–2027 days, as the seed writes it. */
export function hcmcCalendar(): BusinessCalendar {
  const days = new Map<string, CalendarDay>();
  for (const year of [2025, 2026, 2027]) for (const e of vietnamCalendarDays(year)) days.set(e.date, { kind: e.kind, name: e.name });
  return new BusinessCalendar({ timeZone: HCMC_TIME_ZONE, weeklyHours: DEFAULT_WEEKLY_HOURS, days });
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
