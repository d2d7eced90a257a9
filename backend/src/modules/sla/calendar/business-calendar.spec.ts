import { BusinessCalendar, CalendarDay, DEFAULT_WEEKLY_HOURS, HCMC_TIME_ZONE, WeeklyHours, weeklyHoursProblems } from './business-calendar';
import { hcmc, hcmcCalendar, HOUR, MINUTE } from './calendar.fixtures';

describe('BusinessCalendar (Asia/Ho_Chi_Minh, 07:30–11:30 and 13:00–17:00, 2025–2027 holidays)', () => {
  const calendar = hcmcCalendar();

  it.each([
    ['a plain Friday afternoon, over the weekend (the ranges make it 09:00, not 08:30)', '2025-11-21 16:30', 2 * HOUR, '2025-11-24 09:00'],
    ['ending exactly at closing time: that day at 17:00, not the next morning', '2025-11-21 16:30', 30 * MINUTE, '2025-11-21 17:00'],
    ['the lunch break is skipped', '2025-11-24 11:00', HOUR, '2025-11-24 13:30'],
    ['filed during lunch', '2025-11-24 12:15', 30 * MINUTE, '2025-11-24 13:30'],
    ['filed before opening', '2025-11-24 06:00', 30 * MINUTE, '2025-11-24 08:00'],
    ['filed on a Saturday', '2025-11-22 10:00', HOUR, '2025-11-24 08:30'],
    ['zero: the start itself, even off hours', '2025-11-23 03:00', 0, '2025-11-23 03:00'],
    ['the Friday before Tết 2026, 8 h: due after the break (14–22/2)', '2026-02-13 10:00', 8 * HOUR, '2026-02-23 10:00'],
    ['the Friday before Tết 2026 at 16:00, 8 h', '2026-02-13 16:00', 8 * HOUR, '2026-02-23 16:00'],
    ['the Friday before Tết 2025 (25/1–2/2 off)', '2025-01-24 16:00', 2 * HOUR, '2025-02-03 08:30'],
    ['the swapped Saturday 26/4/2025 is a working day', '2025-04-25 16:00', 2 * HOUR, '2025-04-26 08:30'],
    ['30/4–1/5/2025 plus the swapped Friday 2/5 are off', '2025-04-29 16:00', 2 * HOUR, '2025-05-05 08:30'],
    ['Giỗ Tổ 2026 on a Sunday is made up on Monday 27/4', '2026-04-24 16:00', 2 * HOUR, '2026-04-28 08:30'],
    ['New Year 2026: 1/1 and the swapped Friday 2/1 are off', '2025-12-31 16:00', 2 * HOUR, '2026-01-05 08:30'],
    ['… and Saturday 10/1/2026 is worked', '2026-01-09 16:00', 2 * HOUR, '2026-01-10 08:30'],
    ['Quốc khánh 2025: Monday 1/9 and Tuesday 2/9 are off', '2025-08-29 16:00', 2 * HOUR, '2025-09-03 08:30'],
    ['Tết 2027 (statutory default 5–9/2, made up 10–11/2)', '2027-02-04 16:00', 2 * HOUR, '2027-02-12 08:30'],
    ['two full weeks land on Friday at closing time', '2026-06-01 07:30', 80 * HOUR, '2026-06-12 17:00'],
    ['500 business hours (12.5 weeks, no holiday in between)', '2026-05-04 07:30', 500 * HOUR, '2026-07-29 11:30'],
  ])('addBusinessMs: %s', (_, start, amount, due) => {
    expect(calendar.addBusinessMs(hcmc(start), amount).toISOString()).toBe(hcmc(due).toISOString());
  });

  it.each([
    ['2025-11-24 07:29', false],
    ['2025-11-24 07:30', true],
    ['2025-11-24 11:29', true],
    ['2025-11-24 11:30', false],
    ['2025-11-24 13:00', true],
    ['2025-11-24 16:59', true],
    ['2025-11-24 17:00', false],
    ['2025-11-23 10:00', false], // Sunday
    ['2025-04-26 09:00', true], // swapped Saturday
    ['2025-05-02 09:00', false], // swapped Friday
    ['2026-02-17 09:00', false], // mùng 1 Tết
    ['2026-04-27 09:00', false], // compensatory Monday
    ['2026-01-10 09:00', true], // swapped Saturday
  ])('isWorking(%s) is %s', (local, expected) => {
    expect(calendar.isWorking(hcmc(local))).toBe(expected);
  });

  it.each([
    ['a plain weekend', '2025-11-21 16:30', '2025-11-24 09:00', 2 * HOUR],
    ['the same instant', '2025-11-24 09:00', '2025-11-24 09:00', 0],
    ['backwards is negative', '2025-11-24 09:00', '2025-11-21 16:30', -2 * HOUR],
    ['a normal week', '2025-11-24 00:00', '2025-12-01 00:00', 40 * HOUR],
    ['the Tết 2026 week counts nothing', '2026-02-14 00:00', '2026-02-23 00:00', 0],
    ['the week of the 2025 swap (Sat 26/4 worked, 30/4–2/5 off)', '2025-04-26 00:00', '2025-05-03 00:00', 8 * HOUR + 2 * 8 * HOUR],
    ['lunch does not count', '2025-11-24 11:00', '2025-11-24 13:30', HOUR],
  ])('businessMsBetween: %s', (_, a, b, expected) => {
    expect(calendar.businessMsBetween(hcmc(a), hcmc(b))).toBe(expected);
  });

  it.each([
    ['working time is its own answer', '2025-11-24 09:00', '2025-11-24 09:00'],
    ['closing time → next morning', '2025-11-21 17:00', '2025-11-24 07:30'],
    ['lunch → 13:00', '2025-11-24 11:45', '2025-11-24 13:00'],
    ['the evening before Tết 2026 → after the break', '2026-02-13 17:30', '2026-02-23 07:30'],
  ])('nextWorkingInstant: %s', (_, t, expected) => {
    expect(calendar.nextWorkingInstant(hcmc(t)).toISOString()).toBe(hcmc(expected).toISOString());
  });

  it.each([
    ['2025-01-25', '2025-02-02', '2025-01-24', '2025-02-03'],
    ['2026-02-14', '2026-02-22', '2026-02-13', '2026-02-23'],
    ['2025-04-30', '2025-05-04', '2025-04-29', '2025-05-05'],
  ])('the civil servants’ break %s – %s is off, %s and %s are worked', (from, to, before, after) => {
    for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
      expect([d.toISOString().slice(0, 10), calendar.isWorkingDay(d.toISOString().slice(0, 10))]).toEqual([
        d.toISOString().slice(0, 10),
        false,
      ]);
    }
    expect(calendar.isWorkingDay(before)).toBe(true);
    expect(calendar.isWorkingDay(after)).toBe(true);
  });

  it('a swapped working day takes the weekday hours, and a holiday wins over the weekly hours', () => {
    const days = new Map<string, CalendarDay>([
      ['2030-01-05', { kind: 'working_day', name: 'Làm bù' }], // a Saturday
      ['2030-01-07', { kind: 'holiday', name: 'Nghỉ' }], // a Monday
    ]);
    const cal = new BusinessCalendar({ timeZone: HCMC_TIME_ZONE, weeklyHours: DEFAULT_WEEKLY_HOURS, days });
    expect(cal.workingRanges('2030-01-05')).toEqual([
      [450, 690],
      [780, 1020],
    ]);
    expect(cal.workingRanges('2030-01-07')).toEqual([]);
    expect(cal.workingRanges('2030-01-06')).toEqual([]);
  });

  it('computes in the configured zone through Intl: the same hours in Asia/Tokyo shift every instant by 2 h', () => {
    const tokyo = new BusinessCalendar({ timeZone: 'Asia/Tokyo', weeklyHours: DEFAULT_WEEKLY_HOURS, days: new Map() });
    const saigon = new BusinessCalendar({ timeZone: HCMC_TIME_ZONE, weeklyHours: DEFAULT_WEEKLY_HOURS, days: new Map() });
    expect(tokyo.nextWorkingInstant(new Date('2030-01-05T12:00:00Z')).toISOString()).toBe('2030-01-06T22:30:00.000Z');
    expect(saigon.nextWorkingInstant(new Date('2030-01-05T12:00:00Z')).toISOString()).toBe('2030-01-07T00:30:00.000Z');
  });

  it('keeps a DST zone right: 09:00–17:00 in Europe/Berlin is 8 working hours on both sides of the spring change', () => {
    const hours: WeeklyHours = { 1: [[540, 1020]], 2: [[540, 1020]], 3: [[540, 1020]], 4: [[540, 1020]], 5: [[540, 1020]] };
    const berlin = new BusinessCalendar({ timeZone: 'Europe/Berlin', weeklyHours: hours, days: new Map() });
    // Friday 27/3/2026 is CET (+1), Monday 30/3 CEST (+2).
    expect(berlin.addBusinessMs(new Date('2026-03-27T15:00:00Z'), 2 * HOUR).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(berlin.businessMsBetween(new Date('2026-03-27T00:00:00Z'), new Date('2026-03-31T00:00:00Z'))).toBe(16 * HOUR);
  });

  it('walks day by day: 500 business hours from 1000 random starts take well under a second', () => {
    const started = performance.now();
    for (let i = 0; i < 1000; i++)
      calendar.addBusinessMs(new Date(hcmc('2025-01-01 00:00').getTime() + i * 7 * HOUR + i * 13 * MINUTE), 500 * HOUR);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['negative', -1],
    ['fractional', 1.5],
    ['NaN', Number.NaN],
  ])('refuses a %s amount', (_, amount) => {
    expect(() => calendar.addBusinessMs(hcmc('2025-11-24 09:00'), amount)).toThrow(RangeError);
  });

  it('stops instead of spinning when nothing is ever worked', () => {
    const days = new Map<string, CalendarDay>();
    const cal = new BusinessCalendar({ timeZone: HCMC_TIME_ZONE, weeklyHours: { 1: [[450, 690]] }, days });
    for (let d = 0; d < 800; d++)
      days.set(new Date(Date.UTC(2030, 0, 1) + d * 86_400_000).toISOString().slice(0, 10), { kind: 'holiday', name: 'x' });
    const blocked = new BusinessCalendar({ timeZone: HCMC_TIME_ZONE, weeklyHours: { 1: [[450, 690]] }, days });
    expect(cal.addBusinessMs(hcmc('2030-01-01 00:00'), HOUR).toISOString()).toBe(hcmc('2030-01-07 08:30').toISOString());
    expect(() => blocked.addBusinessMs(hcmc('2030-01-01 00:00'), HOUR)).toThrow(/no working time/);
  });
});

describe('weeklyHoursProblems', () => {
  it.each<[string, WeeklyHours, string[]]>([
    ['the default hours are fine', DEFAULT_WEEKLY_HOURS, []],
    [
      'touching ranges are fine',
      {
        1: [
          [450, 690],
          [690, 1020],
        ],
      },
      [],
    ],
    [
      'overlapping ranges',
      {
        1: [
          [450, 700],
          [690, 1020],
        ],
      },
      ['overlap'],
    ],
    ['a range that ends before it starts', { 2: [[700, 690]] }, ['empty_range']],
    ['a range past midnight', { 3: [[1000, 1500]] }, ['out_of_day']],
    ['a negative start', { 3: [[-10, 60]] }, ['out_of_day']],
    ['fractional minutes', { 4: [[450.5, 690]] }, ['not_integer']],
    ['no working time at all', { 1: [], 2: [] }, ['no_working_time']],
  ])('%s', (_, hours, rules) => {
    expect(weeklyHoursProblems(hours).map((p) => p.rule)).toEqual(rules);
  });

  it('the constructor refuses bad hours and an unknown time zone', () => {
    expect(
      () =>
        new BusinessCalendar({
          timeZone: HCMC_TIME_ZONE,
          weeklyHours: {
            1: [
              [450, 700],
              [690, 1020],
            ],
          },
          days: new Map(),
        }),
    ).toThrow(/overlaps/);
    expect(() => new BusinessCalendar({ timeZone: 'Asia/Nowhere', weeklyHours: DEFAULT_WEEKLY_HOURS, days: new Map() })).toThrow(
      RangeError,
    );
    expect(
      () =>
        new BusinessCalendar({
          timeZone: HCMC_TIME_ZONE,
          weeklyHours: DEFAULT_WEEKLY_HOURS,
          days: new Map([['2026-02-30', { kind: 'holiday', name: 'x' }]]),
        }),
    ).toThrow(RangeError);
  });
});
