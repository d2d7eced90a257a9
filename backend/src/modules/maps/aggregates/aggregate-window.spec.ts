import { localDay, splitWindow, windowDays } from './aggregate-window';

describe('aggregate windows', () => {
  it('counts local days at UTC+7', () => {
    expect(localDay(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
    expect(localDay(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
    // [from, to): a window ending at local midnight does not touch the next day.
    expect(windowDays(new Date('2026-03-01T17:00:00Z'), new Date('2026-03-03T17:00:00Z'))).toEqual({
      first: '2026-03-02',
      last: '2026-03-03',
    });
  });

  it.each([
    // A range inside one month: days only.
    ['2026-03-05', '2026-03-20', '2026-11-22', { months: [], days: [['2026-03-05', '2026-03-20']] }],
    // Whole months between partial ones.
    [
      '2026-01-15',
      '2026-04-10',
      '2026-11-22',
      {
        months: ['2026-02-01', '2026-03-01'],
        days: [
          ['2026-01-15', '2026-01-31'],
          ['2026-04-01', '2026-04-10'],
        ],
      },
    ],
    // Aligned on both ends.
    ['2026-02-01', '2026-03-31', '2026-11-22', { months: ['2026-02-01', '2026-03-01'], days: [] }],
    // A year to today: the current month counts whole, only the first partial month is read by day.
    [
      '2025-11-21',
      '2026-11-22',
      '2026-11-22',
      {
        months: [
          '2025-12-01',
          '2026-01-01',
          '2026-02-01',
          '2026-03-01',
          '2026-04-01',
          '2026-05-01',
          '2026-06-01',
          '2026-07-01',
          '2026-08-01',
          '2026-09-01',
          '2026-10-01',
          '2026-11-01',
        ],
        days: [['2025-11-21', '2025-11-30']],
      },
    ],
    // The current month does not count whole when the range stops before today.
    ['2026-10-01', '2026-11-20', '2026-11-22', { months: ['2026-10-01'], days: [['2026-11-01', '2026-11-20']] }],
    // Leap February.
    ['2028-02-01', '2028-02-29', '2028-03-05', { months: ['2028-02-01'], days: [] }],
    ['2028-02-01', '2028-02-28', '2028-03-05', { months: [], days: [['2028-02-01', '2028-02-28']] }],
  ])('splits %s..%s (today %s)', (first, last, today, expected) => {
    expect(splitWindow(first, last, today)).toEqual(expected);
  });

  it('covers every day of the range exactly once', () => {
    const today = '2026-11-22';
    for (const [first, last] of [
      ['2025-11-23', '2026-11-22'],
      ['2026-01-31', '2026-03-01'],
      ['2026-06-30', '2026-07-01'],
    ]) {
      const { months, days } = splitWindow(first, last, today);
      const seen: string[] = [];
      for (const m of months)
        for (let d = new Date(`${m}T00:00:00Z`); d.toISOString().slice(0, 7) === m.slice(0, 7); d.setUTCDate(d.getUTCDate() + 1))
          seen.push(d.toISOString().slice(0, 10));
      for (const [a, b] of days)
        for (let d = new Date(`${a}T00:00:00Z`); d.toISOString().slice(0, 10) <= b; d.setUTCDate(d.getUTCDate() + 1))
          seen.push(d.toISOString().slice(0, 10));
      const inRange = seen.filter((d) => d <= (last >= today ? '9999' : last));
      expect(new Set(inRange).size).toBe(inRange.length);
      expect(inRange.filter((d) => d >= first && d <= last).length).toBe((Date.parse(last) - Date.parse(first)) / 86_400_000 + 1);
    }
  });
});
