/** What the call-centre console knows about a nearby earlier report. */
export interface DuplicateSignals {
  distanceM: number;
  ageHours: number;
  textSimilarity: number;
  sameCategory: boolean;
  open: boolean;
}

export const DUPLICATE_RADIUS_M = 200;
export const DUPLICATE_WINDOW_HOURS = 7 * 24;

/**
 * How likely a candidate is the same problem, 0…1: nearness weighs most (a pothole is where it
 * is), then recency, then the words, then whether it is the very same category and still open.
 * The weights are a judgement to be tuned on the call centre's merges, not a fitted model.
 */
export function duplicateScore(s: DuplicateSignals): number {
  const near = 1 - Math.min(Math.max(s.distanceM, 0), DUPLICATE_RADIUS_M) / DUPLICATE_RADIUS_M;
  const recent = 1 - Math.min(Math.max(s.ageHours, 0), DUPLICATE_WINDOW_HOURS) / DUPLICATE_WINDOW_HOURS;
  const text = Math.min(Math.max(s.textSimilarity, 0), 1);
  const score = 0.4 * near + 0.2 * recent + 0.25 * text + 0.1 * (s.sameCategory ? 1 : 0) + 0.05 * (s.open ? 1 : 0);
  return Math.round(score * 1000) / 1000;
}
