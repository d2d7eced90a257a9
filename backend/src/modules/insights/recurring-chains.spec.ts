import { chainRecurrences, ChainReport, Recurrence } from './recurring-chains';

const day = (d: number) => new Date(Date.UTC(2026, 9, d, 3));
const report = (
  code: string,
  created: number,
  closed: number | null,
  at: { lat: number; lng: number } = { lat: 10.77, lng: 106.7 },
  category = 'garbage',
  wardCode = '26743',
): ChainReport => ({
  id: `id-${code}`,
  code,
  lat: at.lat,
  lng: at.lng,
  category,
  categoryName: category === 'garbage' ? 'Rác thải' : 'Ổ gà',
  wardCode,
  createdAt: day(created),
  closedAt: closed === null ? null : day(closed),
});
const link = (earlier: ChainReport, later: ChainReport): Recurrence => ({ earlier: { ...earlier, closedAt: earlier.closedAt! }, later });

describe('chainRecurrences', () => {
  const a = report('A', 1, 3);
  const b = report('B', 5, 8, { lat: 10.7702, lng: 106.7002 });
  const c = report('C', 12, null, { lat: 10.7704, lng: 106.7004 }, 'garbage', '26734');
  const p = report('P', 2, 4, { lat: 10.8, lng: 106.65 }, 'pothole', '26000');
  const q = report('Q', 6, null, { lat: 10.8, lng: 106.65 }, 'pothole', '26000');

  it.each<
    [string, Recurrence[], { codes: string[]; occurrences: number; lastClosedAt: string; lastReportedAt: string; wardCode: string }[]]
  >([
    ['no recurrences, no places', [], []],
    [
      'one pair is a chain of two',
      [link(p, q)],
      [{ codes: ['P', 'Q'], occurrences: 2, lastClosedAt: day(4).toISOString(), lastReportedAt: day(6).toISOString(), wardCode: '26000' }],
    ],
    [
      'fixed, back, fixed, back again: one chain of three, in the latest report ward, longest first',
      [link(p, q), link(b, c), link(a, b)],
      [
        {
          codes: ['A', 'B', 'C'],
          occurrences: 3,
          lastClosedAt: day(8).toISOString(),
          lastReportedAt: day(12).toISOString(),
          wardCode: '26734',
        },
        { codes: ['P', 'Q'], occurrences: 2, lastClosedAt: day(4).toISOString(), lastReportedAt: day(6).toISOString(), wardCode: '26000' },
      ],
    ],
    [
      'a report reached from two earlier ones counts once',
      [link(a, c), link(b, c)],
      [
        {
          codes: ['A', 'B', 'C'],
          occurrences: 3,
          lastClosedAt: day(8).toISOString(),
          lastReportedAt: day(12).toISOString(),
          wardCode: '26734',
        },
      ],
    ],
  ])('%s', (_, recurrences, expected) => {
    expect(
      chainRecurrences(recurrences, 200).map(({ codes, occurrences, lastClosedAt, lastReportedAt, wardCode }) => ({
        codes,
        occurrences,
        lastClosedAt,
        lastReportedAt,
        wardCode,
      })),
    ).toEqual(expected);
  });

  it('places a chain at the mean of its reports, with its category', () => {
    const [chain] = chainRecurrences([link(a, b), link(b, c)], 200);
    expect(chain).toMatchObject({ lat: 10.7702, lng: 106.7002, category: 'garbage', categoryName: 'Rác thải' });
  });

  it('keeps the longest chains when there are more than the limit, ties by latest report', () => {
    const chains = chainRecurrences([link(p, q), link(a, b), link(b, c)], 1);
    expect(chains.map((c) => c.codes)).toEqual([['A', 'B', 'C']]);
    const ties = chainRecurrences([link(a, b), link(p, q)], 2);
    expect(ties.map((c) => c.codes[0])).toEqual(['P', 'A']);
  });
});
