/**
 * Times as the city reads them. Asia/Ho_Chi_Minh is UTC+7 all year (Vietnam has kept no summer
 * time since 1975), so a fixed offset is exact, whatever zone the admin's browser is set to.
 */
const CITY_OFFSET = '+07:00';
const CITY_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "YYYY-MM-DDTHH:mm" of a datetime-local field, in city time. */
export function cityDateTimeInput(at: number = Date.now()): string {
  return new Date(at + CITY_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as city time, as the API's ISO instant with offset; null if incomplete. */
export function cityInputToIso(value: string): string | null {
  if (!LOCAL_INPUT.test(value)) return null;
  const iso = `${value}:00${CITY_OFFSET}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** Today's date in the city, YYYY-MM-DD. */
export function cityToday(at: number = Date.now()): string {
  return new Date(at + CITY_OFFSET_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The date `days` later (or earlier), YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of a city date, as an instant with offset. */
export function cityMidnightIso(date: string): string {
  return `${date}T00:00:00${CITY_OFFSET}`;
}
