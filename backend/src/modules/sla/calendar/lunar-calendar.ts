import { dayNumber, isoDate } from './zoned-time';

// The Vietnamese lunisolar calendar after Hồ Ngọc Đức's "Thuật toán tính âm lịch" (the reference
// the Vietnamese calendars in print and online follow): new moons and solar terms from Jean
// Meeus' "Astronomical Algorithms", reckoned at the UTC+7 meridian. The Chinese calendar uses
// UTC+8 and so differs whenever a new moon or a major solar term falls between 16:00 and 17:00
// UTC — Tết 1985 (21/1 in Vietnam, 20/2 in China) and Tết 2007 (17/2 vs 18/2) are the classic
// cases, pinned in the spec. Accurate for 1900–2199, which covers every SLA we will ever compute.

/** The meridian of the Vietnamese calendar, in hours east of Greenwich (not the civil offset of a zone). */
export const VIETNAM_MERIDIAN_HOURS = 7;

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named by the Gregorian year in which its first month begins. */
  year: number;
  /** The intercalary (nhuận) repeat of `month`. */
  leap: boolean;
}

const JD_UNIX_EPOCH = 2_440_588; // Julian day number of 1970-01-01
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_1900 = 2_415_021.076998695; // the new moon of 1 January 1900, Julian date
const RAD = Math.PI / 180;

function jdOf(date: string): number {
  return dayNumber(date) + JD_UNIX_EPOCH;
}

function dateOfJd(jd: number): string {
  return isoDate(jd - JD_UNIX_EPOCH);
}

/** Julian day number (local, at `tz` hours) of the k-th new moon after 1 January 1900. */
function newMoonDay(k: number, tz: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // Sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // Moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // Moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * RAD) + 0.0021 * Math.sin(2 * RAD * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * RAD) + 0.0161 * Math.sin(RAD * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(RAD * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(RAD * 2 * F) - 0.0051 * Math.sin(RAD * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(RAD * (M - Mpr)) + 0.0004 * Math.sin(RAD * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(RAD * (2 * F - M)) - 0.0006 * Math.sin(RAD * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(RAD * (2 * F - Mpr)) + 0.0005 * Math.sin(RAD * (2 * Mpr + M));
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  const jdNew = jd1 + C1 - deltaT;
  return Math.floor(jdNew + 0.5 + tz / 24);
}

/** The Sun's ecliptic longitude at local midnight starting day `jdn`, as a sector 0–11 of 30° (0: 0°–30°, the month of the spring equinox). */
function sunLongitudeSector(jdn: number, tz: number): number {
  const T = (jdn - 2451545.5 - tz / 24) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RAD * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(RAD * 2 * M) + 0.00029 * Math.sin(RAD * 3 * M);
  let L = (L0 + DL) * RAD;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return Math.floor((L / Math.PI) * 6);
}

/** The start of the 11th lunar month (the one holding the winter solstice) of Gregorian year `year`. */
function lunarMonth11(year: number, tz: number): number {
  const off = jdOf(`${year}-12-31`) - NEW_MOON_1900;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  return sunLongitudeSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Months after month 11 (starting at a11) until the first month without a major solar term: that one is the leap month. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let last: number;
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a solar date 'YYYY-MM-DD'. */
export function solarToLunar(date: string, tz = VIETNAM_MERIDIAN_HOURS): LunarDate {
  const jd = jdOf(date);
  const yy = Number(date.slice(0, 4));
  // The month holding jd starts at the last new moon on or before it. The published algorithm
  // tries only k+1 and k, which misses by one on a few days (2054-05-07, 2062-04-09 come out as
  // "day 0"); stepping until the bracket holds fixes them.
  let k = Math.floor((jd - NEW_MOON_1900) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k, tz) > jd) k--;
  while (newMoonDay(k + 1, tz) <= jd) k++;
  const monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(yy, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1, tz);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1, tz);
  }
  const day = jd - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** The solar date 'YYYY-MM-DD' of a lunar date; null when that year has no such leap month or the month no such day. */
export function lunarToSolar(lunar: LunarDate, tz = VIETNAM_MERIDIAN_HOURS): string | null {
  const { day, month, year, leap } = lunar;
  if (!Number.isInteger(day) || day < 1 || day > 30 || !Number.isInteger(month) || month < 1 || month > 12) return null;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off, tz);
  const nextMonthStart = newMoonDay(k + off + 1, tz);
  if (monthStart + day - 1 >= nextMonthStart) return null; // day 30 of a 29-day month
  return dateOfJd(monthStart + day - 1);
}

/** Mùng 1 Tết: the first day of the lunar year that begins in Gregorian year `year`. */
export function lunarNewYear(year: number): string {
  return lunarToSolar({ day: 1, month: 1, year, leap: false }) as string;
}

/** Days in a lunar month (29 or 30). */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  return lunarToSolar({ day: 30, month, year, leap }) === null ? 29 : 30;
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** The sexagenary name of a lunar year: 2025 → "Ất Tỵ", 2026 → "Bính Ngọ". */
export function canChiYear(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}
