import type { BusinessTime } from './calendar/business-calendar';
import { dueAt, elapsedMs, SlaClock, stageInstants, state } from './calendar/sla-clock';
import type { StoredTransition } from './sla-clock.entity';
import type { ClockDerived } from './sla.repository';
import { SLA_STAGES } from './sla-stages';

export type SlaState = 'running' | 'paused' | 'stopped';

export function parseTransitions(transitions: StoredTransition[]): SlaClock['transitions'] {
  return transitions.map((t) => ({ type: t.type, at: new Date(t.at) }));
}

/** Which transitions change a clock in a given state; the others are skipped, not errors. */
export function transitionApplies(current: SlaState, type: 'pause' | 'resume' | 'stop'): boolean {
  if (type === 'pause') return current === 'running';
  if (type === 'resume') return current === 'paused';
  return current !== 'stopped';
}

/** Everything stored about a clock that follows from its transitions, the calendar and what fired. */
export function derive(
  c: { mode: 'business' | 'calendar'; targetMs: number; transitions: StoredTransition[] },
  fired: Set<string>,
  calendar: BusinessTime,
): ClockDerived {
  const model: SlaClock = { mode: c.mode, targetMs: c.targetMs, transitions: parseTransitions(c.transitions) };
  const st = state(model);
  const instants = stageInstants(
    model,
    calendar,
    SLA_STAGES.map((s) => s.fraction),
  );
  const nextIndex = SLA_STAGES.findIndex((s, i) => !fired.has(s.name) && instants[i].at !== null);
  const last = c.transitions[c.transitions.length - 1];
  return {
    state: st,
    dueAt: dueAt(model, calendar),
    nextStage: st === 'running' && nextIndex >= 0 ? SLA_STAGES[nextIndex].name : null,
    nextStageAt: st === 'running' && nextIndex >= 0 ? instants[nextIndex].at : null,
    met: st === 'stopped' && last ? elapsedMs(model, new Date(last.at), calendar) <= c.targetMs : null,
  };
}

/** The delay of a timer for `at`; one already past fires at once. */
export function timerDelayMs(at: Date, now: Date): number {
  return Math.max(0, at.getTime() - now.getTime());
}
