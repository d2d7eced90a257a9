import { ChangePeriod, changeWindows, filterPeriod, InsightsPeriod, periodBounds } from './insights-period';

describe('periodBounds (Asia/Ho_Chi_Minh)', () => {
  it.each<[InsightsPeriod, string, string, string, string]>([
    // 00:33 UTC is 07:33 local on Sunday 22 Nov 2026.
    ['day', '2026-11-22T00:33:00Z', '2026-11-21T17:00:00.000Z', '2026-11-22T17:00:00.000Z', '2026-11-20T17:00:00.000Z'],
    // 18:00 UTC on the 21st is already 01:00 on the 22nd locally.
    ['day', '2026-11-21T18:00:00Z', '2026-11-21T17:00:00.000Z', '2026-11-22T17:00:00.000Z', '2026-11-20T17:00:00.000Z'],
    ['day', '2026-11-21T16:59:59Z', '2026-11-20T17:00:00.000Z', '2026-11-21T17:00:00.000Z', '2026-11-19T17:00:00.000Z'],
    // Sunday belongs to the week that began on Monday 16 Nov.
    ['week', '2026-11-22T00:33:00Z', '2026-11-15T17:00:00.000Z', '2026-11-22T17:00:00.000Z', '2026-11-08T17:00:00.000Z'],
    // Monday 00:30 local (Sunday 17:30 UTC) starts a new week.
    ['week', '2026-11-22T17:30:00Z', '2026-11-22T17:00:00.000Z', '2026-11-29T17:00:00.000Z', '2026-11-15T17:00:00.000Z'],
  ])('%s containing %s is [%s, %s), previous from %s', (period, at, from, to, previousFrom) => {
    const b = periodBounds(period, new Date(at));
    expect([b.from.toISOString(), b.to.toISOString(), b.previousFrom.toISOString()]).toEqual([from, to, previousFrom]);
  });

  it.each<[InsightsPeriod, number, number]>([
    ['day', 24, 3600],
    ['week', 7, 86_400],
  ])('%s trend has %i buckets of %i s', (period, buckets, bucketSeconds) => {
    expect(periodBounds(period, new Date('2026-11-22T00:00:00Z'))).toMatchObject({ buckets, bucketSeconds });
  });
});

describe('filterPeriod', () => {
  const now = new Date('2026-11-22T05:00:00Z');
  it.each<[string | undefined, string | undefined, string | null, string | null]>([
    [undefined, undefined, '2026-10-23T05:00:00.000Z', '2026-11-22T05:00:00.000Z'],
    ['2026-11-01T00:00:00+07:00', undefined, '2026-10-31T17:00:00.000Z', '2026-11-22T05:00:00.000Z'],
    [undefined, '2026-02-01T00:00:00Z', '2026-01-02T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
    ['2025-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2025-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'],
    // 367 days, backwards, empty.
    ['2025-01-01T00:00:00Z', '2026-01-03T00:00:00Z', null, null],
    ['2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z', null, null],
    ['2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', null, null],
  ])('from %s to %s is [%s, %s)', (from, to, expectedFrom, expectedTo) => {
    const p = filterPeriod(now, from, to);
    expect(p && [p.from.toISOString(), p.to.toISOString()]).toEqual(expectedFrom === null ? null : [expectedFrom, expectedTo]);
  });
});

describe('changeWindows', () => {
  it.each<[ChangePeriod, string, string, string]>([
    ['day', '2026-11-22T05:00:00Z', '2026-11-21T05:00:00.000Z', '2026-11-20T05:00:00.000Z'],
    ['week', '2026-11-22T05:00:00Z', '2026-11-15T05:00:00.000Z', '2026-11-08T05:00:00.000Z'],
    ['month', '2026-03-01T00:00:00Z', '2026-01-30T00:00:00.000Z', '2025-12-31T00:00:00.000Z'],
  ])('%s ending %s starts %s, the previous one %s', (period, at, currentFrom, previousFrom) => {
    const w = changeWindows(period, new Date(at));
    expect([w.current.from.toISOString(), w.current.to.toISOString(), w.previous.from.toISOString(), w.previous.to.toISOString()]).toEqual([
      currentFrom,
      new Date(at).toISOString(),
      previousFrom,
      currentFrom,
    ]);
  });
});
