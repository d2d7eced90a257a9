import type { OnTimeRow } from '../adminQueries';

/** The figures of a row the table shows and sorts on. */
type OnTimeFigures = Pick<OnTimeRow, 'key' | 'name' | 'resolved' | 'onTime' | 'rate'>;

export type SortKey = 'name' | 'resolved' | 'onTime' | 'rate';
export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

export interface NamedRow extends OnTimeFigures {
  /** The name shown, in the active language. */
  label: string;
  /** What "by name" sorts on: the label, or the key where it sorts better (months as YYYY-MM). */
  sortLabel: string;
}

/**
 * Rows in the chosen order; rows without a rate (nothing resolved) always go last, and ties
 * fall back to the name so the order is stable.
 */
export function sortRows(rows: readonly NamedRow[], order: SortOrder, locale: string): NamedRow[] {
  const byName = (a: NamedRow, b: NamedRow) => a.sortLabel.localeCompare(b.sortLabel, locale) || a.key.localeCompare(b.key);
  const sign = order.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (order.key === 'name') return sign * byName(a, b);
    const left = a[order.key];
    const right = b[order.key];
    if (left === null || right === null) return left === right ? byName(a, b) : left === null ? 1 : -1;
    return sign * (left - right) || byName(a, b);
  });
}

export function totals(rows: readonly OnTimeFigures[]): { resolved: number; onTime: number; rate: number | null } {
  const resolved = rows.reduce((sum, row) => sum + row.resolved, 0);
  const onTime = rows.reduce((sum, row) => sum + row.onTime, 0);
  return { resolved, onTime, rate: resolved > 0 ? onTime / resolved : null };
}
