import type { ReportStatus } from '../report-record/report-status';

/** GeoReport v2 knows two states; everything still awaiting the city is "open". */
export type Open311Status = 'open' | 'closed';

export const OPEN311_STATUS: Record<ReportStatus, Open311Status> = {
  new: 'open',
  assigned: 'open',
  in_progress: 'open',
  waiting_citizen: 'open',
  reopened: 'open',
  resolved: 'closed',
  closed: 'closed',
  rejected: 'closed',
  merged: 'closed',
};

export function toOpen311Status(status: ReportStatus): Open311Status {
  return OPEN311_STATUS[status];
}

/** The internal statuses behind a set of Open311 statuses (for the `status` filter). */
export function internalStatuses(wanted: readonly Open311Status[]): ReportStatus[] {
  return (Object.keys(OPEN311_STATUS) as ReportStatus[]).filter((s) => wanted.includes(OPEN311_STATUS[s]));
}

// Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975, so a fixed offset is exact
// for every report this system can hold, and needs no time-zone database.
const OFFSET_MINUTES = 7 * 60;
const OFFSET_TEXT = '+07:00';

/** A W3C datetime in Ho Chi Minh City time, to the second: 2026-11-21T08:30:00+07:00. */
export function w3cDatetime(instant: Date): string {
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + OFFSET_MINUTES * 60_000);
  return `${local.toISOString().slice(0, 19)}${OFFSET_TEXT}`;
}

const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads the W3C datetime profile of ISO 8601 (what the spec asks clients to send). A date alone or
 * a time without an offset is read as Ho Chi Minh City time, since that is what a local client
 * means. Returns null for anything else, including impossible dates such as 2026-02-30.
 */
export function parseW3cDatetime(text: string): Date | null {
  const m = W3C_DATETIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const utc = Date.UTC(...fields, Number(frac.slice(0, 3).padEnd(3, '0')));
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] ||
    check.getUTCDate() !== fields[2] ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59
  )
    return null;
  let offsetMinutes = OFFSET_MINUTES;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 14 || minutes > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return new Date(utc - offsetMinutes * 60_000);
}

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

function localeOf(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : null;
}

/**
 * Vietnamese unless the client asks for English: an explicit `locale` parameter wins (null when it
 * names a language we do not serve, so the caller can say so), else the most preferred of vi/en in
 * Accept-Language, else Vietnamese.
 */
export function resolveLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale | null {
  if (explicit !== undefined && explicit.trim() !== '') return localeOf(explicit);
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { locale: localeOf(tag), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r): r is { locale: Locale; q: number; index: number } => r.locale !== null && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.locale ?? 'vi';
}
