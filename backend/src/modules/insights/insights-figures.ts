/** The figures' arithmetic, as the city publishes it; plain TypeScript, no Nest or SQL. */

/** resolved on time ÷ resolved, to 4 decimals; null when nothing was resolved. */
export function onTimeRate(resolvedOnTime: number, resolved: number): number | null {
  return resolved > 0 ? Math.round((resolvedOnTime / resolved) * 10_000) / 10_000 : null;
}

/** Reports per 10,000 residents, to 2 decimals; null without a (positive) population. */
export function per10k(count: number, population: number | null): number | null {
  return population && population > 0 ? Math.round((count / population) * 1_000_000) / 100 : null;
}

/** The median (mean of the middle two for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface RankableUnit {
  unitId: string;
  name: string;
  resolved: number;
  onTimeRate: number | null;
  satisfaction: { average: number | null; count: number };
}

/**
 * Units in published order: on-time rate, then mean rating (unrated after rated), highest first.
 * Units equal on both share a rank (1, 2, 2, 4) and are listed by volume resolved, then name.
 * Units that resolved nothing have no rate: listed last, by name, rank null.
 */
export function rankUnits<T extends RankableUnit>(units: readonly T[]): (T & { rank: number | null })[] {
  const desc = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);
  const sameScore = (a: T, b: T) => a.onTimeRate === b.onTimeRate && a.satisfaction.average === b.satisfaction.average;
  const sorted = [...units].sort(
    (a, b) =>
      desc(a.onTimeRate, b.onTimeRate) ||
      desc(a.satisfaction.average, b.satisfaction.average) ||
      b.resolved - a.resolved ||
      a.name.localeCompare(b.name, 'vi') ||
      a.unitId.localeCompare(b.unitId),
  );
  let rank = 0;
  return sorted.map((u, k) => {
    if (u.onTimeRate === null) return { ...u, rank: null };
    if (k === 0 || !sameScore(u, sorted[k - 1])) rank = k + 1;
    return { ...u, rank };
  });
}
