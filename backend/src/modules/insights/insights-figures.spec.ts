import { median, onTimeRate, per10k, rankUnits, RankableUnit } from './insights-figures';

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[7], 7],
    [[3, 1], 2],
    [[5, 1, 3], 3],
    [[10, 2, 4, 8], 6],
    [[1.5, 1.5, 100], 1.5],
  ])('of %j is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves its input as it was', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('onTimeRate and per10k', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [0, 4, 0],
    [3, 4, 0.75],
    [2, 3, 0.6667],
    [5, 5, 1],
  ])('%i on time of %i resolved → %p', (onTime, resolved, expected) => {
    expect(onTimeRate(onTime, resolved)).toBe(expected);
  });

  it.each<[number, number | null, number | null]>([
    [12, 40_000, 3],
    [1, 30_000, 0.33],
    [0, 50_000, 0],
    [5, null, null],
    [5, 0, null],
  ])('%i reports for %p residents → %p per 10,000', (count, population, expected) => {
    expect(per10k(count, population)).toBe(expected);
  });
});

describe('rankUnits', () => {
  const unit = (unitId: string, onTimeRate: number | null, average: number | null, resolved = 10, name = unitId): RankableUnit => ({
    unitId,
    name,
    resolved,
    onTimeRate,
    satisfaction: { average, count: average === null ? 0 : 3 },
  });
  const order = (units: RankableUnit[]) => rankUnits(units).map((u) => [u.unitId, u.rank]);

  it.each<[string, RankableUnit[], [string, number | null][]]>([
    [
      'by on-time rate first',
      [unit('a', 0.5, 5), unit('b', 0.9, 1), unit('c', 0.7, 3)],
      [
        ['b', 1],
        ['c', 2],
        ['a', 3],
      ],
    ],
    [
      'then by mean rating',
      [unit('a', 0.8, 3.5), unit('b', 0.8, 4.2), unit('c', 0.8, null)],
      [
        ['b', 1],
        ['a', 2],
        ['c', 3],
      ],
    ],
    [
      'equal on both: shared rank, more resolved listed first, next rank skips',
      [unit('a', 0.8, 4, 5), unit('b', 0.8, 4, 9), unit('c', 0.6, 5)],
      [
        ['b', 1],
        ['a', 1],
        ['c', 3],
      ],
    ],
    [
      'nothing resolved: last and unranked, by name',
      [unit('z', null, null, 0, 'Zeta'), unit('a', null, null, 0, 'Alpha'), unit('m', 0, null)],
      [
        ['m', 1],
        ['a', null],
        ['z', null],
      ],
    ],
    [
      'Vietnamese names in dictionary order on a full tie',
      [unit('2', 1, 4, 1, 'Phường Đa Kao'), unit('1', 1, 4, 1, 'Phường Bến Thành')],
      [
        ['1', 1],
        ['2', 1],
      ],
    ],
    ['no units', [], []],
  ])('%s', (_, units, expected) => {
    expect(order(units)).toEqual(expected);
  });
});
