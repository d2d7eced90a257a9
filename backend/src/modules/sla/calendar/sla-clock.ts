import type { BusinessTime } from './business-calendar';

// The ServiceNow task-SLA model: a clock is its list of transitions; elapsed time, the deadline
// and the stage instants are derived from them (and the business calendar), so any process can
// recompute them after a restart. Only running time counts; a reset opens a new cycle.

export type SlaMode = 'business' | 'calendar';
export type SlaTransitionType = 'start' | 'pause' | 'resume' | 'stop' | 'reset';
export type SlaState = 'running' | 'paused' | 'stopped';

export interface SlaTransition {
  type: SlaTransitionType;
  at: Date;
}

export interface SlaClock {
  mode: SlaMode;
  /** Business ms (mode business) or wall ms (mode calendar) until breach. */
  targetMs: number;
  /** In time order (equal instants keep their order). */
  transitions: readonly SlaTransition[];
}

/** A stretch of running time; `to` is null while it still runs. */
export interface RunningSegment {
  from: Date;
  to: Date | null;
}

export interface SlaCycle {
  /** 1 for the first cycle, +1 per reset; 0 before the clock ever started. */
  number: number;
  startedAt: Date | null;
  state: SlaState;
  segments: readonly RunningSegment[];
}

export interface StageInstant {
  stage: number;
  /** When elapsed reaches stage × target; null when that is not reachable while paused or stopped. */
  at: Date | null;
}

/** Warning at 50 %, 75 % and 90 % of the target, breach at 100 %. */
export const DEFAULT_STAGES: readonly number[] = [0.5, 0.75, 0.9, 1];

/**
 * The current cycle of a clock, from its transitions up to `asOf` (all of them by default).
 * Transitions that make no sense in the state they meet are ignored rather than fatal — a
 * replayed event must not stop the sweeper: a second start, pause while paused, resume while
 * running, anything but reset after stop. A clock that never started reads as stopped.
 */
export function cycle(clock: SlaClock, asOf?: Date): SlaCycle {
  const limit = asOf ? asOf.getTime() : Infinity;
  let number = 0;
  let startedAt: Date | null = null;
  let state: SlaState | 'idle' = 'idle';
  let segments: RunningSegment[] = [];
  let previous = -Infinity;
  for (const t of clock.transitions) {
    const at = t.at.getTime();
    if (Number.isNaN(at)) throw new RangeError(`SLA transition "${t.type}" has an invalid instant`);
    if (at < previous)
      throw new RangeError(
        `SLA transitions are out of order: ${t.type} at ${t.at.toISOString()} comes after ${new Date(previous).toISOString()}`,
      );
    previous = at;
    if (at > limit) break;
    const open = (): void => void segments.push({ from: t.at, to: null });
    const close = (): void => {
      segments[segments.length - 1] = { ...segments[segments.length - 1], to: t.at };
    };
    switch (t.type) {
      case 'start':
        if (state === 'idle') {
          number = 1;
          startedAt = t.at;
          state = 'running';
          open();
        }
        break;
      case 'reset':
        number += 1;
        startedAt = t.at;
        segments = [];
        state = 'running';
        open();
        break;
      case 'pause':
        if (state === 'running') {
          close();
          state = 'paused';
        }
        break;
      case 'resume':
        if (state === 'paused') {
          state = 'running';
          open();
        }
        break;
      case 'stop':
        if (state === 'running') close();
        if (state === 'running' || state === 'paused') state = 'stopped';
        break;
    }
  }
  return { number, startedAt, state: state === 'idle' ? 'stopped' : state, segments };
}

export function state(clock: SlaClock): SlaState {
  return cycle(clock).state;
}

/** Running time of the current cycle up to `now` (business or wall time, per the clock's mode); paused time never counts. */
export function elapsedMs(clock: SlaClock, now: Date, calendar: BusinessTime): number {
  checkTarget(clock);
  const measure = measurer(clock.mode, calendar);
  return cycle(clock, now).segments.reduce((sum, s) => sum + measure(s.from, s.to ?? now), 0);
}

/** Target minus elapsed at `now`: negative once breached. */
export function remainingMs(clock: SlaClock, now: Date, calendar: BusinessTime): number {
  return clock.targetMs - elapsedMs(clock, now, calendar);
}

/** The instant the target is reached if the clock keeps running; null while paused or stopped. */
export function dueAt(clock: SlaClock, calendar: BusinessTime): Date | null {
  checkTarget(clock);
  const c = cycle(clock);
  return c.state === 'running' ? instantOfElapsed(c, clock.targetMs, clock.mode, calendar) : null;
}

/**
 * When each stage (a fraction of the target) is reached in the current cycle: stages already
 * passed keep their instant whatever the state; the rest are known only while running.
 */
export function stageInstants(clock: SlaClock, calendar: BusinessTime, stages: readonly number[] = DEFAULT_STAGES): StageInstant[] {
  checkTarget(clock);
  const c = cycle(clock);
  return stages.map((stage) => {
    if (!Number.isFinite(stage) || stage < 0) throw new RangeError(`An SLA stage is a non-negative fraction of the target, not ${stage}`);
    return { stage, at: instantOfElapsed(c, Math.round(stage * clock.targetMs), clock.mode, calendar) };
  });
}

/** The earliest instant at which the cycle's running time reaches `target`; null if it is not reached and nothing runs. */
function instantOfElapsed(c: SlaCycle, target: number, mode: SlaMode, calendar: BusinessTime): Date | null {
  const measure = measurer(mode, calendar);
  const advance =
    mode === 'business'
      ? (from: Date, ms: number) => calendar.addBusinessMs(from, ms)
      : (from: Date, ms: number) => new Date(from.getTime() + ms);
  let acc = 0;
  for (const s of c.segments) {
    if (s.to === null) return advance(s.from, target - acc);
    const m = measure(s.from, s.to);
    if (acc + m >= target) return advance(s.from, target - acc);
    acc += m;
  }
  return null;
}

function measurer(mode: SlaMode, calendar: BusinessTime): (a: Date, b: Date) => number {
  return mode === 'business' ? (a, b) => calendar.businessMsBetween(a, b) : (a, b) => b.getTime() - a.getTime();
}

function checkTarget(clock: SlaClock): void {
  if (!Number.isSafeInteger(clock.targetMs) || clock.targetMs < 0)
    throw new RangeError(`An SLA target is a whole, non-negative number of ms, not ${clock.targetMs}`);
}
