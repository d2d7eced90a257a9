/** Where the calendar module reads the time (rule 6); tests provide a fixed one. */
export interface Clock {
  now(): Date;
}

export const CALENDAR_CLOCK = Symbol('CALENDAR_CLOCK');

export const systemClock: Clock = { now: () => new Date() };
