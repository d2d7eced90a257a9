import { describe, expect, it } from 'vitest';
import { rankingPeriod, RANKING_PERIODS, type RankingBounds, type RankingPeriod } from './rankingPeriods';

describe('rankingPeriod', () => {
  it.each<[string, RankingPeriod, RankingBounds]>([
    [
      '2026-03-10T03:00:00Z',
      'thisMonth',
      { from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00', firstDay: '2026-03-01', lastDay: '2026-03-31' },
    ],
    [
      '2026-03-10T03:00:00Z',
      'lastMonth',
      { from: '2026-02-01T00:00:00+07:00', to: '2026-03-01T00:00:00+07:00', firstDay: '2026-02-01', lastDay: '2026-02-28' },
    ],
    [
      '2026-03-10T03:00:00Z',
      'last90',
      { from: '2025-12-11T00:00:00+07:00', to: '2026-03-11T00:00:00+07:00', firstDay: '2025-12-11', lastDay: '2026-03-10' },
    ],
    // Across the new year, in city time: 17:00 UTC on 31 December is already January in the city.
    [
      '2026-12-31T17:00:00Z',
      'thisMonth',
      { from: '2027-01-01T00:00:00+07:00', to: '2027-02-01T00:00:00+07:00', firstDay: '2027-01-01', lastDay: '2027-01-31' },
    ],
    [
      '2026-12-31T17:00:00Z',
      'lastMonth',
      { from: '2026-12-01T00:00:00+07:00', to: '2027-01-01T00:00:00+07:00', firstDay: '2026-12-01', lastDay: '2026-12-31' },
    ],
    [
      '2026-12-31T16:59:00Z',
      'thisMonth',
      { from: '2026-12-01T00:00:00+07:00', to: '2027-01-01T00:00:00+07:00', firstDay: '2026-12-01', lastDay: '2026-12-31' },
    ],
    [
      '2024-03-05T00:00:00Z',
      'lastMonth',
      { from: '2024-02-01T00:00:00+07:00', to: '2024-03-01T00:00:00+07:00', firstDay: '2024-02-01', lastDay: '2024-02-29' },
    ],
  ])('at %s, %s', (now, period, bounds) => {
    expect(rankingPeriod(period, Date.parse(now))).toEqual(bounds);
  });

  it('offers the three periods', () => {
    expect(RANKING_PERIODS).toEqual(['thisMonth', 'lastMonth', 'last90']);
  });
});
