/** How repeated failures slow the next attempt down: free ones first, then doubling waits up to a cap. */
export interface BackoffRule {
  freeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
}

/**
 * The wait before the next attempt after `failures` failures in a row: none for the first
 * `freeFailures` (a typo or two), then base, 2·base, 4·base … capped at maxSeconds. A cap
 * rather than a lock, so that nobody can shut an account whose name they know.
 */
export function backoffSeconds(failures: number, rule: BackoffRule): number {
  const over = failures - rule.freeFailures;
  if (over <= 0) return 0;
  // 2^31 is past any cap already; stop there instead of computing Infinity.
  const wait = rule.baseSeconds * 2 ** Math.min(over - 1, 31);
  return Math.min(rule.maxSeconds, Math.ceil(wait));
}
