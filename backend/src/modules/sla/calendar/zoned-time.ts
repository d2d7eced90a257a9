// Civil dates and wall-clock time in an IANA time zone, through Intl only (no offset is assumed:
// Asia/Ho_Chi_Minh has been UTC+7 since 1975, but was UTC+8 in the South before that, and the
// same code must stay right for any zone an admin might configure).

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1_440;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a civil date 'YYYY-MM-DD'; throws RangeError when it is not a real date. */
export function dayNumber(isoDate: string): number {
  const day = parseDayNumber(isoDate);
  if (day === null) throw new RangeError(`Not a calendar date: ${JSON.stringify(isoDate)} (expected YYYY-MM-DD)`);
  return day;
}

/** Like dayNumber, but null for anything that is not a real 'YYYY-MM-DD' date (2026-02-30 included). */
export function parseDayNumber(isoDate: string): number | null {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps them, and the round trip rejects 30/2.
  back.setUTCFullYear(y, mo - 1, d);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.floor(back.getTime() / DAY_MS);
}

export function isIsoDate(value: string): boolean {
  return parseDayNumber(value) !== null;
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function isoDateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 1970-01-01 was a Thursday (ISO 4). */
export function isoWeekday(day: number): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function addDays(isoDateValue: string, days: number): string {
  return isoDate(dayNumber(isoDateValue) + days);
}

/** 'HH:mm' of a minute of the day (1440 → '24:00', the end of the day). */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Minute of the day of 'HH:mm' ('24:00' allowed as the end of the day); null when malformed. */
export function parseMinute(hhmm: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return null;
  const minute = Number(m[1]) * 60 + Number(m[2]);
  return minute <= MINUTES_PER_DAY ? minute : null;
}

// Caches are per zone and bounded: a long property-test run or a sweeper that lives for months
// must not grow them without end.
const CACHE_LIMIT = 20_000;

/**
 * An IANA zone: its UTC offset at an instant, and the instant of a wall-clock time. Offsets come
 * from Intl (the tz database shipped with Node), so historical and future rule changes are honoured.
 */
export class TimeZone {
  private static readonly zones = new Map<string, TimeZone>();
  private readonly format: Intl.DateTimeFormat;
  private readonly midnights = new Map<number, number>();
  private lastOffset = 0;

  private constructor(readonly name: string) {
    // Throws RangeError for a zone Intl does not know.
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    this.lastOffset = this.offsetMs(Date.now());
  }

  static of(name: string): TimeZone {
    let zone = TimeZone.zones.get(name);
    if (!zone) {
      zone = new TimeZone(name);
      TimeZone.zones.set(name, zone);
    }
    return zone;
  }

  /** Local time minus UTC at this instant, in ms (+7 h for Asia/Ho_Chi_Minh today). */
  offsetMs(instant: number): number {
    const parts = this.format.formatToParts(new Date(instant));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
    const local = new Date(0);
    local.setUTCFullYear(get('year'), get('month') - 1, get('day'));
    local.setUTCHours(get('hour') % 24, get('minute'), get('second'), 0);
    const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
    return local.getTime() - wholeSecond;
  }

  /** The instant of a wall-clock time (ms since local midnight of `day`); in a DST gap, the later offset applies. */
  instantOfLocal(day: number, msOfDay: number): number {
    const local = day * DAY_MS + msOfDay;
    const firstGuess = local - this.offsetMs(local);
    const offset = this.offsetMs(firstGuess);
    return local - offset;
  }

  /** The instant the local day begins. */
  startOfDay(day: number): number {
    let start = this.midnights.get(day);
    if (start === undefined) {
      start = this.instantOfLocal(day, 0);
      if (this.midnights.size >= CACHE_LIMIT) this.midnights.clear();
      this.midnights.set(day, start);
    }
    return start;
  }

  /** The local day (days since 1970-01-01) that contains this instant. */
  localDay(instant: number): number {
    let day = Math.floor((instant + this.lastOffset) / DAY_MS);
    // At most a step or two: the guess is off only when the offset changed since the last call.
    for (let i = 0; i < 4; i++) {
      if (instant < this.startOfDay(day)) day--;
      else if (instant >= this.startOfDay(day + 1)) day++;
      else {
        this.lastOffset = day * DAY_MS - this.startOfDay(day);
        return day;
      }
    }
    return Math.floor((instant + this.offsetMs(instant)) / DAY_MS);
  }

  /** The instant of a minute of a local day; 1440 is the next midnight. Days without a transition are linear. */
  instantOfMinute(day: number, minute: number): number {
    const start = this.startOfDay(day);
    const next = this.startOfDay(day + 1);
    if (next - start === DAY_MS) return start + minute * MINUTE_MS;
    return minute >= MINUTES_PER_DAY ? next : this.instantOfLocal(day, minute * MINUTE_MS);
  }

  /** 'YYYY-MM-DD' of the local date at this instant. */
  isoDateAt(instant: number): string {
    return isoDate(this.localDay(instant));
  }
}
