import { CalendarDayKind, DEFAULT_WEEKLY_HOURS, WeeklyHours } from './business-calendar';
import { canChiYear, lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar';
import { addDays, dayNumber, isoDateOf, isoWeekday } from './zoned-time';

/** The occasions of the Labour Code 2019, art. 112(1). */
export type HolidayOccasion = 'new_year' | 'tet' | 'hung_kings' | 'reunification' | 'labour_day' | 'national_day';

export interface CalendarEntry {
  date: string;
  kind: CalendarDayKind;
  name: string;
  /** Which law or announcement puts the day here; shown to admins and kept in calendar_day.source. */
  source: string;
  occasion: HolidayOccasion;
}

export const LABOUR_CODE_112 = 'Bộ luật Lao động 2019, Điều 112';
export const LABOUR_CODE_111 = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)';

const LUNAR_MONTH_NAMES = ['', 'Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Một', 'Chạp'];

function lunarLabel(date: string): string {
  const l = solarToLunar(date);
  const day = l.day <= 10 ? `mùng ${l.day}` : String(l.day);
  return `${day} tháng ${LUNAR_MONTH_NAMES[l.month]}${l.leap ? ' nhuận' : ''}`;
}

function tetName(year: number, date: string): string {
  return `Tết Nguyên đán ${canChiYear(year)} (${lunarLabel(date)})`;
}

function ddmm(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

const WEEKDAY_NAMES = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];

function weekdayName(date: string): string {
  return WEEKDAY_NAMES[isoWeekday(dayNumber(date))];
}

/**
 * 2/9 and "one adjacent day before or after" (art. 112(1)(đ)); the government names the day each
 * year. The default follows its practice of joining the pair to a weekend: 2021 (Thu) → 3/9,
 * 2022 (Fri) → 1/9, 2023 (Sat) → 1/9, 2024 (Mon) → 3/9, 2025 (Tue) → 1/9. A Wednesday has no
 * precedent; 1/9 matches the Bộ Nội vụ proposal for 2026 (a break ending on 2/9).
 */
export function nationalDayAdjacent(year: number): string {
  const weekday = isoWeekday(dayNumber(isoDateOf(year, 9, 2)));
  return weekday === 1 || weekday === 4 || weekday === 7 ? isoDateOf(year, 9, 3) : isoDateOf(year, 9, 1);
}

/**
 * The paid public holidays of art. 112(1), as the law alone fixes them. Tết is "5 days" with the
 * exact span left to the Prime Minister; the default is the last day of the lunar year and
 * mùng 1–4 of the first month, the span the government most often picks.
 */
export function statutoryHolidays(year: number): CalendarEntry[] {
  const holiday = (date: string, occasion: HolidayOccasion, name: string): CalendarEntry => ({
    date,
    kind: 'holiday',
    name,
    source: LABOUR_CODE_112,
    occasion,
  });
  const tet = lunarNewYear(year);
  const tetDays = [-1, 0, 1, 2, 3].map((offset) => addDays(tet, offset));
  const gioTo = lunarToSolar({ day: 10, month: 3, year, leap: false }) as string;
  const adjacent = nationalDayAdjacent(year);
  const nationalDay = [isoDateOf(year, 9, 2), adjacent].sort();
  return [
    holiday(isoDateOf(year, 1, 1), 'new_year', 'Tết Dương lịch'),
    ...tetDays.map((d) => holiday(d, 'tet', tetName(year, d))),
    holiday(gioTo, 'hung_kings', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    holiday(isoDateOf(year, 4, 30), 'reunification', 'Ngày Chiến thắng (30/4)'),
    holiday(isoDateOf(year, 5, 1), 'labour_day', 'Ngày Quốc tế Lao động (1/5)'),
    ...nationalDay.map((d) =>
      holiday(d, 'national_day', d === adjacent ? `Quốc khánh (ngày liền kề ${ddmm(d).slice(0, 5)})` : 'Quốc khánh (2/9)'),
    ),
  ].sort(byDate);
}

function isWeeklyRest(date: string, hours: WeeklyHours): boolean {
  return (hours[isoWeekday(dayNumber(date))] ?? []).length === 0;
}

/**
 * Art. 111(3): a holiday that falls on the weekly rest day is made up on the next working day.
 * `taken` holds every day already off (holidays, other compensatory days), which are skipped.
 */
export function compensatoryDays(
  holidays: readonly CalendarEntry[],
  taken: ReadonlySet<string>,
  hours: WeeklyHours = DEFAULT_WEEKLY_HOURS,
): CalendarEntry[] {
  const off = new Set(taken);
  const result: CalendarEntry[] = [];
  for (const h of [...holidays].sort(byDate)) {
    if (h.kind !== 'holiday' || !isWeeklyRest(h.date, hours)) continue;
    let day = addDays(h.date, 1);
    while (off.has(day) || isWeeklyRest(day, hours)) day = addDays(day, 1);
    off.add(day);
    result.push({
      date: day,
      kind: 'compensatory',
      name: `Nghỉ bù cho ${h.name}, ${weekdayName(h.date)} ${ddmm(h.date)}`,
      source: LABOUR_CODE_111,
      occasion: h.occasion,
    });
  }
  return result;
}

type AnnouncedDay = Pick<CalendarEntry, 'date' | 'kind' | 'name' | 'occasion'>;

export interface Announcement {
  source: string;
  /** Every day the announcement sets for its occasions; they replace the statutory default of those occasions and its compensation. */
  days: AnnouncedDay[];
}

export interface YearAnnouncements {
  year: number;
  announcements: Announcement[];
  /** What is not known yet, said plainly; the statutory default applies there. */
  notes: string[];
}

function swap(occasion: HolidayOccasion, offDay: string, workDay: string): AnnouncedDay[] {
  return [
    { date: offDay, kind: 'compensatory', name: `Nghỉ hoán đổi ngày làm việc (làm bù ${weekdayName(workDay)} ${ddmm(workDay)})`, occasion },
    { date: workDay, kind: 'working_day', name: `Làm bù cho ${weekdayName(offDay)} ${ddmm(offDay)}`, occasion },
  ];
}

function tetDays(year: number, from: string, to: string): AnnouncedDay[] {
  const out: AnnouncedDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, kind: 'holiday', name: tetName(year, d), occasion: 'tet' });
  return out;
}

const VPCP_8726_2024 = 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Thủ tướng đồng ý phương án nghỉ Tết Âm lịch và các dịp lễ năm 2025)';

/**
 * What the government announced for civil servants, year by year (the working week of public
 * bodies, which is what ward and department SLAs run on). Sources as reported by the national
 * press; an admin edits or adds days through the API when an announcement changes or arrives.
 */
export const ANNOUNCEMENTS: Readonly<Record<number, YearAnnouncements>> = {
  2025: {
    year: 2025,
    announcements: [
      {
        source: VPCP_8726_2024,
        days: [
          // 25/1 (Sat) – 2/2 (Sun): nine days, of which 27–31/1 (28 Chạp – mùng 3) are the five Tết days.
          ...tetDays(2025, '2025-01-27', '2025-01-31'),
          // 30/4 – 4/5: Friday 2/5 swapped with Saturday 26/4.
          { date: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng (30/4)', occasion: 'reunification' },
          { date: '2025-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động (1/5)', occasion: 'labour_day' },
          ...swap('labour_day', '2025-05-02', '2025-04-26'),
          // 30/8 (Sat) – 2/9 (Tue), with Monday 1/9 as the adjacent day.
          { date: '2025-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề 01/09)', occasion: 'national_day' },
          { date: '2025-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)', occasion: 'national_day' },
        ],
      },
    ],
    notes: ['1/1 (Wed) and Giỗ Tổ 7/4 (Mon) follow the statutory default, as the same letter confirms.'],
  },
  2026: {
    year: 2026,
    announcements: [
      {
        // 1/1 (Thu) – 4/1 (Sun): Friday 2/1 swapped with Saturday 10/1.
        source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Phó Thủ tướng đồng ý nghỉ Tết Dương lịch 2026 bốn ngày)',
        days: [
          { date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch', occasion: 'new_year' },
          ...swap('new_year', '2026-01-02', '2026-01-10'),
        ],
      },
      {
        // 14/2 (Sat, 27 Chạp) – 22/2 (Sun, mùng 6): the five Tết days are 16–20/2 (29 Chạp – mùng 4).
        source: 'Thủ tướng đồng ý phương án nghỉ Tết Âm lịch 2026 của Bộ Nội vụ (công bố 10/2025)',
        days: tetDays(2026, '2026-02-16', '2026-02-20'),
      },
    ],
    notes: [
      'Giỗ Tổ 26/4 falls on a Sunday: made up on Monday 27/4 under art. 111(3) (the default rule).',
      'Quốc khánh: the final announcement was not found; 1/9 (Tue) is taken as the adjacent day. A swap of Monday 31/8 for a 5-day break was proposed: enter it as admin once confirmed.',
    ],
  },
  2027: {
    year: 2027,
    announcements: [],
    notes: [
      'No announcement yet (they come out late in the previous year): every occasion uses the statutory default with art. 111(3) compensation.',
      'Tết default: 5/2 (29 Chạp) – 9/2 (mùng 4); 6/2 and 7/2 fall on the weekend, so 10/2 and 11/2 are made up. The government usually fixes another span: update it then.',
      '1/5/2027 is a Saturday: made up on Monday 3/5.',
    ],
  },
};

/** The days the calendar should hold for a year: the announcements where known, else the statutory default with its compensation. */
export function vietnamCalendarDays(year: number, hours: WeeklyHours = DEFAULT_WEEKLY_HOURS): CalendarEntry[] {
  const announcements = ANNOUNCEMENTS[year]?.announcements ?? [];
  const fromAnnouncements: CalendarEntry[] = announcements.flatMap((a) => a.days.map((d) => ({ ...d, source: a.source })));
  const covered = new Set(fromAnnouncements.map((d) => d.occasion));
  const defaults = statutoryHolidays(year).filter((h) => !covered.has(h.occasion));
  const taken = new Set([...defaults, ...fromAnnouncements].filter((e) => e.kind !== 'working_day').map((e) => e.date));
  const all = [...fromAnnouncements, ...defaults, ...compensatoryDays(defaults, taken, hours)].sort(byDate);
  for (let i = 1; i < all.length; i++) {
    if (all[i].date === all[i - 1].date) throw new Error(`Two calendar entries for ${all[i].date}: ${all[i - 1].name} / ${all[i].name}`);
  }
  return all;
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
