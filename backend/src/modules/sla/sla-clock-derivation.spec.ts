import { hcmc, hcmcCalendar, HOUR } from './calendar/calendar.fixtures';
import type { StoredTransition } from './sla-clock.entity';
import { derive, SlaState, timerDelayMs, transitionApplies } from './sla-clock-derivation';

const calendar = hcmcCalendar();
const at = (type: StoredTransition['type'], local: string): StoredTransition => ({ type, at: hcmc(local).toISOString() });
const local = (s: string | null) => (s === null ? null : hcmc(s));

describe('SLA clock derivation', () => {
  // 8 business hours from Monday 24/11/2025 07:30: warn50 11:30, warn75 15:00, warn90 16:12,
  // breach 17:00, escalate (×1.5) Tuesday 11:30.
  const start = at('start', '2025-11-24 07:30');

  it.each<[string, StoredTransition[], string[], SlaState, string | null, string | null, string | null, boolean | null]>([
    ['running, nothing fired: the first warning is next', [start], [], 'running', '2025-11-24 17:00', 'warn50', '2025-11-24 11:30', null],
    ['running, two warnings fired', [start], ['warn50', 'warn75'], 'running', '2025-11-24 17:00', 'warn90', '2025-11-24 16:12', null],
    [
      'a stage that fired out of order is skipped, not refired',
      [start],
      ['warn50', 'warn90'],
      'running',
      '2025-11-24 17:00',
      'warn75',
      '2025-11-24 15:00',
      null,
    ],
    [
      'after the breach, the escalation the next morning',
      [start],
      ['warn50', 'warn75', 'warn90', 'breach'],
      'running',
      '2025-11-24 17:00',
      'escalate',
      '2025-11-25 11:30',
      null,
    ],
    [
      'every stage fired: nothing next',
      [start],
      ['warn50', 'warn75', 'warn90', 'breach', 'escalate'],
      'running',
      '2025-11-24 17:00',
      null,
      null,
      null,
    ],
    ['paused: no deadline, no next stage', [start, at('pause', '2025-11-24 09:30')], [], 'paused', null, null, null, null],
    [
      'resumed the next morning: the 6 h left run from 07:30',
      [start, at('pause', '2025-11-24 09:30'), at('resume', '2025-11-25 07:30')],
      ['warn50'],
      'running',
      '2025-11-25 15:00',
      'warn75',
      '2025-11-25 11:30',
      null,
    ],
    ['stopped in time: met', [start, at('stop', '2025-11-24 16:59')], [], 'stopped', null, null, null, true],
    ['stopped exactly at the deadline: met', [start, at('stop', '2025-11-24 17:00')], [], 'stopped', null, null, null, true],
    ['stopped late: not met', [start, at('stop', '2025-11-25 07:31')], [], 'stopped', null, null, null, false],
  ])('%s', (_, transitions, fired, state, dueAt, nextStage, nextStageAt, met) => {
    expect(derive({ mode: 'business', targetMs: 8 * HOUR, transitions }, new Set(fired), calendar)).toEqual({
      state,
      dueAt: local(dueAt),
      nextStage,
      nextStageAt: local(nextStageAt),
      met,
    });
  });

  it('calendar mode counts nights and holidays', () => {
    const d = derive({ mode: 'calendar', targetMs: 8 * HOUR, transitions: [at('start', '2026-02-13 16:00')] }, new Set(), calendar);
    expect([d.dueAt, d.nextStageAt]).toEqual([hcmc('2026-02-14 00:00'), hcmc('2026-02-13 20:00')]);
  });

  it.each<[SlaState, 'pause' | 'resume' | 'stop', boolean]>([
    ['running', 'pause', true],
    ['paused', 'pause', false],
    ['stopped', 'pause', false],
    ['running', 'resume', false],
    ['paused', 'resume', true],
    ['stopped', 'resume', false],
    ['running', 'stop', true],
    ['paused', 'stop', true],
    ['stopped', 'stop', false],
  ])('a %s clock: %s applies = %s', (state, type, applies) => {
    expect(transitionApplies(state, type)).toBe(applies);
  });

  it.each([
    ['in the future', '2025-11-24 11:30', '2025-11-24 11:00', 30 * 60_000],
    ['now', '2025-11-24 11:30', '2025-11-24 11:30', 0],
    ['already past: at once', '2025-11-24 11:30', '2025-11-24 12:00', 0],
  ])('timerDelayMs: %s', (_, due, now, delay) => {
    expect(timerDelayMs(hcmc(due), hcmc(now))).toBe(delay);
  });
});
