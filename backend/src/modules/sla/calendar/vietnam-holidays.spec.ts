import { canChiYear, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar';
import { ANNOUNCEMENTS, compensatoryDays, nationalDayAdjacent, statutoryHolidays, vietnamCalendarDays } from './vietnam-holidays';
import { dayNumber, isoWeekday } from './zoned-time';

describe('Vietnamese lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  it.each([
    [2025, '2025-01-29', '2025-04-07', 'Ất Tỵ'],
    [2026, '2026-02-17', '2026-04-26', 'Bính Ngọ'],
    [2027, '2027-02-06', '2027-04-16', 'Đinh Mùi'],
    [2024, '2024-02-10', '2024-04-18', 'Giáp Thìn'],
    [2023, '2023-01-22', '2023-04-29', 'Quý Mão'],
  ])('%i: Tết on %s, Giỗ Tổ on %s, year %s', (year, tet, gioTo, name) => {
    expect(lunarNewYear(year)).toBe(tet);
    expect(lunarToSolar({ day: 10, month: 3, year, leap: false })).toBe(gioTo);
    expect(canChiYear(year)).toBe(name);
  });

  it.each([
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('%i: the Vietnamese Tết (%s) differs from the UTC+8 (Chinese) one (%s)', (year, vietnam, china) => {
    expect(lunarNewYear(year)).toBe(vietnam);
    expect(lunarToSolar({ day: 1, month: 1, year, leap: false }, 8)).toBe(china);
  });

  it.each([
    ['2020-05-23', { day: 1, month: 4, year: 2020, leap: true }],
    ['2023-03-22', { day: 1, month: 2, year: 2023, leap: true }],
    ['2025-07-25', { day: 1, month: 6, year: 2025, leap: true }],
    ['2025-10-06', { day: 15, month: 8, year: 2025, leap: false }], // Trung thu
    ['2026-02-16', { day: 29, month: 12, year: 2025, leap: false }], // the last day of Ất Tỵ
    ['2025-01-28', { day: 29, month: 12, year: 2024, leap: false }],
    // The published algorithm answers "day 0" on these two; ours finds the month's new moon.
    ['2054-05-07', { day: 30, month: 3, year: 2054, leap: false }],
    ['2062-04-09', { day: 30, month: 2, year: 2062, leap: false }],
  ])('%s is %o', (solar, lunar) => {
    expect(solarToLunar(solar)).toEqual(lunar);
    expect(lunarToSolar(lunar)).toBe(solar);
  });

  it('answers null for a leap month the year does not have and for day 30 of a short month', () => {
    expect(lunarToSolar({ day: 1, month: 3, year: 2025, leap: true })).toBeNull();
    expect(lunarMonthLength(2025, 12)).toBe(29);
    expect(lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toBeNull();
  });
});

describe('public holidays (Labour Code 2019, art. 112)', () => {
  it('gives 11 distinct days every year 2000–2100, Tết as the last day of the year plus mùng 1–4', () => {
    for (let year = 2000; year <= 2100; year++) {
      const days = statutoryHolidays(year);
      expect([year, days.length, new Set(days.map((d) => d.date)).size]).toEqual([year, 11, 11]);
      const tet = days.filter((d) => d.occasion === 'tet').map((d) => solarToLunar(d.date));
      expect(tet.slice(1).map((l) => [l.day, l.month])).toEqual([
        [1, 1],
        [2, 1],
        [3, 1],
        [4, 1],
      ]);
      expect(tet[0].month).toBe(12);
      expect([29, 30]).toContain(tet[0].day);
    }
  });

  it.each([
    [2021, '2021-09-03'],
    [2022, '2022-09-01'],
    [2023, '2023-09-01'],
    [2024, '2024-09-03'],
    [2025, '2025-09-01'],
    [2026, '2026-09-01'],
    [2027, '2027-09-03'],
  ])('the day next to 2/9/%i defaults to %s (what the government chose 2021–2025)', (year, date) => {
    expect(nationalDayAdjacent(year)).toBe(date);
  });

  it('makes a weekend holiday up on the next working day that is not already off (art. 111(3))', () => {
    const days = statutoryHolidays(2027);
    const taken = new Set(days.map((d) => d.date));
    expect(compensatoryDays(days, taken).map((d) => d.date)).toEqual(['2027-02-10', '2027-02-11', '2027-05-03']);
  });

  it.each([
    [
      2025,
      [
        ['2025-01-01', 'holiday'],
        ['2025-01-27', 'holiday'],
        ['2025-01-28', 'holiday'],
        ['2025-01-29', 'holiday'],
        ['2025-01-30', 'holiday'],
        ['2025-01-31', 'holiday'],
        ['2025-04-07', 'holiday'],
        ['2025-04-26', 'working_day'],
        ['2025-04-30', 'holiday'],
        ['2025-05-01', 'holiday'],
        ['2025-05-02', 'compensatory'],
        ['2025-09-01', 'holiday'],
        ['2025-09-02', 'holiday'],
      ],
    ],
    [
      2026,
      [
        ['2026-01-01', 'holiday'],
        ['2026-01-02', 'compensatory'],
        ['2026-01-10', 'working_day'],
        ['2026-02-16', 'holiday'],
        ['2026-02-17', 'holiday'],
        ['2026-02-18', 'holiday'],
        ['2026-02-19', 'holiday'],
        ['2026-02-20', 'holiday'],
        ['2026-04-26', 'holiday'],
        ['2026-04-27', 'compensatory'],
        ['2026-04-30', 'holiday'],
        ['2026-05-01', 'holiday'],
        ['2026-09-01', 'holiday'],
        ['2026-09-02', 'holiday'],
      ],
    ],
    [
      2027,
      [
        ['2027-01-01', 'holiday'],
        ['2027-02-05', 'holiday'],
        ['2027-02-06', 'holiday'],
        ['2027-02-07', 'holiday'],
        ['2027-02-08', 'holiday'],
        ['2027-02-09', 'holiday'],
        ['2027-02-10', 'compensatory'],
        ['2027-02-11', 'compensatory'],
        ['2027-04-16', 'holiday'],
        ['2027-04-30', 'holiday'],
        ['2027-05-01', 'holiday'],
        ['2027-05-03', 'compensatory'],
        ['2027-09-02', 'holiday'],
        ['2027-09-03', 'holiday'],
      ],
    ],
  ])('%i: the preloaded days', (year, expected) => {
    expect(vietnamCalendarDays(year).map((d) => [d.date, d.kind])).toEqual(expected);
  });

  it('names each day and its source; swapped Saturdays are Saturdays, compensatory days are weekdays', () => {
    for (const year of [2025, 2026, 2027]) {
      for (const d of vietnamCalendarDays(year)) {
        expect(d.name.length).toBeGreaterThan(0);
        expect(d.source).toMatch(/Bộ luật Lao động|VPCP|Thủ tướng/);
        const weekday = isoWeekday(dayNumber(d.date));
        if (d.kind === 'working_day') expect(weekday).toBe(6);
        if (d.kind === 'compensatory') expect(weekday).toBeLessThanOrEqual(5);
      }
      expect(ANNOUNCEMENTS[year].notes.length).toBeGreaterThan(0);
    }
  });
});
