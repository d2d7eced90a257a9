/**
 * Getis–Ord Gi* (Getis & Ord 1992, Ord & Getis 1995) with binary weights: each cell's
 * neighbourhood is its listed neighbours plus itself. Returns one z-score per cell, or null
 * where it is undefined (all values equal, or a neighbourhood covering the whole study area).
 */
export function getisOrdGiStar(values: readonly number[], neighbours: readonly (readonly number[])[]): (number | null)[] {
  const n = values.length;
  if (n < 2) return values.map(() => null);
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const s = Math.sqrt(values.reduce((acc, x) => acc + x * x, 0) / n - mean * mean);
  return values.map((x, i) => {
    const around = new Set([i, ...neighbours[i]]);
    let sum = 0;
    for (const j of around) sum += values[j];
    // Binary weights: Σw = Σw² = size of the neighbourhood.
    const w = around.size;
    const denom = s * Math.sqrt((n * w - w * w) / (n - 1));
    if (!(denom > 1e-12)) return null;
    return (sum - mean * w) / denom;
  });
}
