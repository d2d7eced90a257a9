/**
 * Where every process reads the time (STYLE.md rule 6). Services inject CLOCK; pure rules take
 * `now` as a parameter. Timestamps PostgreSQL writes with now() and BullMQ's own timers are not
 * this clock's.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until a test sets or moves it. */
export class ControllableClock implements Clock {
  private ms: number;

  constructor(at: Date | string = '2026-01-05T02:00:00Z') {
    this.ms = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(at: Date | string): void {
    this.ms = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * The system time moved by an offset, in development and test only: the fault suite jumps a
 * running process's time forward by setting CLOCK_OFFSET_KEY in Redis (see ClockModule).
 */
export class ShiftedClock implements Clock {
  offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** The Redis key holding the offset in milliseconds, scoped like the queues. */
export function clockOffsetKey(queuePrefix: string): string {
  return `${queuePrefix}:clock-offset-ms`;
}

/** The offset a stored value asks for; anything unreadable is no offset. */
export function parseClockOffset(value: string | null): number {
  const ms = value === null ? 0 : Number(value);
  return Number.isSafeInteger(ms) ? ms : 0;
}
