import { dayNumber, formatMinute, ISO_WEEKDAYS, isoDate, IsoWeekday, isoWeekday, MINUTES_PER_DAY, TimeZone } from './zoned-time';

export const HCMC_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** [start, end) in minutes since local midnight; end may be 1440. */
export type MinuteRange = readonly [start: number, end: number];
export type WeeklyHours = Readonly<Partial<Record<IsoWeekday, readonly MinuteRange[]>>>;

export type CalendarDayKind = 'holiday' | 'compensatory' | 'working_day';
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'compensatory', 'working_day'];

export interface CalendarDay {
  kind: CalendarDayKind;
  name: string;
}

export interface BusinessCalendarSpec {
  timeZone: string;
  weeklyHours: WeeklyHours;
  /** Keyed by local date 'YYYY-MM-DD'. */
  days: ReadonlyMap<string, CalendarDay>;
}

/** What the clock needs from a calendar: business-mode SLA maths goes through these two. */
export interface BusinessTime {
  addBusinessMs(start: Date, ms: number): Date;
  businessMsBetween(a: Date, b: Date): number;
}

// Government offices work a 40-hour week, Monday to Friday (Quyết định 188/1999/QĐ-TTg); the
// city's offices open 07:30–11:30 and 13:00–17:00. Admins change it through the API.
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  1: [
    [450, 690],
    [780, 1020],
  ],
  2: [
    [450, 690],
    [780, 1020],
  ],
  3: [
    [450, 690],
    [780, 1020],
  ],
  4: [
    [450, 690],
    [780, 1020],
  ],
  5: [
    [450, 690],
    [780, 1020],
  ],
  6: [],
  7: [],
};

export interface HoursProblem {
  weekday: IsoWeekday | null;
  index: number | null;
  rule: 'not_integer' | 'out_of_day' | 'empty_range' | 'overlap' | 'no_working_time';
  message: string;
}

/** Every reason these weekly hours are unusable (empty when they are fine). Touching ranges are allowed. */
export function weeklyHoursProblems(hours: WeeklyHours): HoursProblem[] {
  const problems: HoursProblem[] = [];
  let total = 0;
  for (const weekday of ISO_WEEKDAYS) {
    const ranges = hours[weekday] ?? [];
    ranges.forEach(([start, end], index) => {
      if (!Number.isInteger(start) || !Number.isInteger(end)) {
        problems.push({ weekday, index, rule: 'not_integer', message: 'Minutes must be whole numbers' });
      } else if (start < 0 || end > MINUTES_PER_DAY) {
        problems.push({ weekday, index, rule: 'out_of_day', message: `The range must lie within the day (00:00–24:00)` });
      } else if (start >= end) {
        problems.push({
          weekday,
          index,
          rule: 'empty_range',
          message: `The range must end after it starts (${formatMinute(start)}–${formatMinute(end)})`,
        });
      } else total += end - start;
    });
    const sorted = ranges.map((r, index) => ({ r, index })).sort((a, b) => a.r[0] - b.r[0]);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1].r;
      const cur = sorted[i].r;
      if (cur[0] < prev[1]) {
        problems.push({
          weekday,
          index: sorted[i].index,
          rule: 'overlap',
          message: `${formatMinute(cur[0])}–${formatMinute(cur[1])} overlaps ${formatMinute(prev[0])}–${formatMinute(prev[1])}`,
        });
      }
    }
  }
  if (problems.length === 0 && total === 0) {
    problems.push({ weekday: null, index: null, rule: 'no_working_time', message: 'At least one working range is needed' });
  }
  return problems;
}

// A calendar whose next working minute is further away than this is broken (no plausible break
// lasts a year), so the walks stop instead of spinning.
const MAX_IDLE_DAYS = 400;
const CACHE_LIMIT = 20_000;

type Interval = readonly [start: number, end: number];

/**
 * Working time in a time zone: weekly ranges, minus holidays and compensatory days off, plus
 * swapped working days. All maths walks day by day over the working intervals, so adding 500
 * business hours costs ~90 day steps, never a minute-by-minute scan.
 */
export class BusinessCalendar implements BusinessTime {
  readonly timeZone: string;
  private readonly zone: TimeZone;
  private readonly weekly: Readonly<Record<IsoWeekday, readonly MinuteRange[]>>;
  /** What a swapped working day (a `working_day` entry on a day normally off) works: Monday's hours, or the first weekday with any. */
  private readonly swapHours: readonly MinuteRange[];
  private readonly days: ReadonlyMap<string, CalendarDay>;
  private readonly intervalCache = new Map<number, readonly Interval[]>();

  constructor(spec: BusinessCalendarSpec) {
    const problems = weeklyHoursProblems(spec.weeklyHours);
    if (problems.length > 0) throw new RangeError(`Invalid weekly hours: ${problems.map((p) => p.message).join('; ')}`);
    this.timeZone = spec.timeZone;
    this.zone = TimeZone.of(spec.timeZone);
    const weekly = {} as Record<IsoWeekday, readonly MinuteRange[]>;
    for (const d of ISO_WEEKDAYS) weekly[d] = [...(spec.weeklyHours[d] ?? [])].sort((a, b) => a[0] - b[0]);
    this.weekly = weekly;
    this.swapHours = ISO_WEEKDAYS.map((d) => weekly[d]).find((r) => r.length > 0) ?? [];
    for (const key of spec.days.keys()) dayNumber(key); // throws on a malformed key
    this.days = new Map(spec.days);
  }

  /** The calendar entry for a local date, if any. */
  entry(date: string): CalendarDay | null {
    return this.days.get(date) ?? null;
  }

  /** The working ranges of a local date 'YYYY-MM-DD' (empty on days off). */
  workingRanges(date: string): readonly MinuteRange[] {
    return this.rangesOfDay(dayNumber(date));
  }

  isWorkingDay(date: string): boolean {
    return this.workingRanges(date).length > 0;
  }

  /** Whether the instant lies inside a working range (ranges are [start, end): 17:00 itself is off). */
  isWorking(instant: Date): boolean {
    const t = ms(instant);
    return this.intervals(this.zone.localDay(t)).some(([s, e]) => s <= t && t < e);
  }

  /** The instant itself when it is working time, otherwise the start of the next working range. */
  nextWorkingInstant(instant: Date): Date {
    const t = ms(instant);
    const first = this.zone.localDay(t);
    for (let day = first; day <= first + MAX_IDLE_DAYS; day++) {
      for (const [s, e] of this.intervals(day)) if (e > t) return new Date(Math.max(s, t));
    }
    throw this.noWorkingTime(t);
  }

  /**
   * The earliest instant at which `ms` of working time have elapsed after `start`; `start` itself
   * for 0. The answer always lies in working time, a range's end included (a 30-minute task filed
   * at 16:30 is due at 17:00 that day, not at 07:30 the next).
   */
  addBusinessMs(start: Date, amount: number): Date {
    const t = ms(start);
    if (!Number.isSafeInteger(amount) || amount < 0)
      throw new RangeError(`Business time must be a whole, non-negative number of ms, not ${amount}`);
    if (amount === 0) return new Date(t);
    let remaining = amount;
    let cursor = t;
    let idle = 0;
    for (let day = this.zone.localDay(t); ; day++) {
      const intervals = this.intervals(day);
      idle = intervals.length === 0 ? idle + 1 : 0;
      if (idle > MAX_IDLE_DAYS) throw this.noWorkingTime(t);
      for (const [s, e] of intervals) {
        if (e <= cursor) continue;
        const from = Math.max(s, cursor);
        if (remaining <= e - from) return new Date(from + remaining);
        remaining -= e - from;
        cursor = e;
      }
    }
  }

  /** Working ms in [a, b); negative when b is before a. */
  businessMsBetween(a: Date, b: Date): number {
    const from = ms(a);
    const to = ms(b);
    if (to < from) return -this.businessMsBetween(b, a);
    let total = 0;
    const last = this.zone.localDay(to);
    for (let day = this.zone.localDay(from); day <= last; day++) {
      for (const [s, e] of this.intervals(day)) {
        const lo = Math.max(s, from);
        const hi = Math.min(e, to);
        if (hi > lo) total += hi - lo;
      }
    }
    return total;
  }

  private rangesOfDay(day: number): readonly MinuteRange[] {
    const weekly = this.weekly[isoWeekday(day)];
    const entry = this.days.get(isoDate(day));
    if (!entry) return weekly;
    if (entry.kind === 'working_day') return weekly.length > 0 ? weekly : this.swapHours;
    return [];
  }

  /** The working ranges of a local day as instants, cached. */
  private intervals(day: number): readonly Interval[] {
    let cached = this.intervalCache.get(day);
    if (!cached) {
      cached = this.rangesOfDay(day).map(([s, e]) => [this.zone.instantOfMinute(day, s), this.zone.instantOfMinute(day, e)] as const);
      if (this.intervalCache.size >= CACHE_LIMIT) this.intervalCache.clear();
      this.intervalCache.set(day, cached);
    }
    return cached;
  }

  private noWorkingTime(t: number): Error {
    return new Error(`The business calendar has no working time within ${MAX_IDLE_DAYS} days after ${new Date(t).toISOString()}`);
  }
}

function ms(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid date');
  return t;
}
