/** Injected so "now" (the default `at`) is fixed in tests; see STYLE.md rule 6. */
export const INSIGHTS_CLOCK = Symbol('INSIGHTS_CLOCK');

export interface InsightsClock {
  now(): Date;
}

export const systemInsightsClock: InsightsClock = { now: () => new Date() };
