import { describe, expect, it } from 'vitest';
import { sortRows, totals, type NamedRow, type SortOrder } from './onTimeRows';

function row(key: string, label: string, resolved: number, onTime: number, sortLabel = label): NamedRow {
  return { key, name: label, label, sortLabel, resolved, onTime, rate: resolved > 0 ? onTime / resolved : null };
}

const ROWS = [
  row('b', 'Bến Thành', 10, 9),
  row('a', 'An Khánh', 4, 2),
  row('s', 'Sài Gòn', 0, 0),
  row('t', 'Tân Định', 10, 5),
  row('d', 'Đa Kao', 20, 18),
];

describe('sortRows', () => {
  it.each<[SortOrder, string[]]>([
    [{ key: 'name', descending: false }, ['a', 'b', 'd', 's', 't']],
    [{ key: 'name', descending: true }, ['t', 's', 'd', 'b', 'a']],
    // Equal values fall back to the name.
    [{ key: 'resolved', descending: false }, ['s', 'a', 'b', 't', 'd']],
    [{ key: 'resolved', descending: true }, ['d', 'b', 't', 'a', 's']],
    [{ key: 'onTime', descending: true }, ['d', 'b', 't', 'a', 's']],
    // Rows without a rate (nothing resolved) go last in both directions.
    [{ key: 'rate', descending: true }, ['b', 'd', 'a', 't', 's']],
    [{ key: 'rate', descending: false }, ['a', 't', 'b', 'd', 's']],
  ])('%j', (order, keys) => {
    expect(sortRows(ROWS, order, 'vi').map((r) => r.key)).toEqual(keys);
  });

  it('sorts months by their key label, not their display name', () => {
    const months = [
      row('2026-02', 'Tháng 2', 1, 1, '2026-02'),
      row('2025-12', 'Tháng 12', 1, 1, '2025-12'),
      row('2026-01', 'Tháng 1', 1, 1, '2026-01'),
    ];
    expect(sortRows(months, { key: 'name', descending: false }, 'vi').map((r) => r.key)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('leaves its input as it was', () => {
    const before = ROWS.map((r) => r.key);
    sortRows(ROWS, { key: 'rate', descending: true }, 'vi');
    expect(ROWS.map((r) => r.key)).toEqual(before);
  });
});

describe('totals', () => {
  it.each([
    [ROWS, { resolved: 44, onTime: 34, rate: 34 / 44 }],
    [[row('s', 'Sài Gòn', 0, 0)], { resolved: 0, onTime: 0, rate: null }],
    [[], { resolved: 0, onTime: 0, rate: null }],
  ])('%#', (rows, expected) => {
    expect(totals(rows)).toEqual(expected);
  });
});
