/** Injected so "now" (the default period, "overdue") is fixed in tests; see STYLE.md rule 6. */
export const MAPS_CLOCK = Symbol('MAPS_CLOCK');

export interface MapsClock {
  now(): Date;
}

export const systemMapsClock: MapsClock = { now: () => new Date() };
