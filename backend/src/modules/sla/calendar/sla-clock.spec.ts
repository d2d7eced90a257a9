import { hcmc, hcmcCalendar, HOUR, MINUTE } from './calendar.fixtures';
import { cycle, dueAt, elapsedMs, remainingMs, SlaClock, SlaMode, SlaTransitionType, stageInstants, state } from './sla-clock';

const calendar = hcmcCalendar();

function clock(mode: SlaMode, targetMs: number, ...transitions: [SlaTransitionType, string][]): SlaClock {
  return { mode, targetMs, transitions: transitions.map(([type, at]) => ({ type, at: hcmc(at) })) };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const local = (s: string | null) => (s === null ? null : hcmc(s).toISOString());

describe('SLA clock', () => {
  it.each<[string, SlaClock, string, 'running' | 'paused' | 'stopped', number, string | null]>([
    [
      'running over a weekend',
      clock('business', 2 * HOUR, ['start', '2025-11-21 16:30']),
      '2025-11-24 08:00',
      'running',
      HOUR,
      '2025-11-24 09:00',
    ],
    [
      'paused: due unknown, elapsed frozen',
      clock('business', 8 * HOUR, ['start', '2025-11-24 07:30'], ['pause', '2025-11-24 09:30']),
      '2025-11-26 10:00',
      'paused',
      2 * HOUR,
      null,
    ],
    [
      'resumed the next morning: the 6 h left start again at 07:30',
      clock('business', 8 * HOUR, ['start', '2025-11-24 07:30'], ['pause', '2025-11-24 09:30'], ['resume', '2025-11-25 07:30']),
      '2025-11-25 08:30',
      'running',
      3 * HOUR,
      '2025-11-25 15:00',
    ],
    [
      'stopped: due unknown, elapsed frozen',
      clock('business', 8 * HOUR, ['start', '2025-11-24 07:30'], ['stop', '2025-11-24 08:00']),
      '2025-12-01 08:00',
      'stopped',
      30 * MINUTE,
      null,
    ],
    [
      'a reset starts a new cycle from zero',
      clock('business', 2 * HOUR, ['start', '2025-11-24 07:30'], ['pause', '2025-11-24 09:00'], ['reset', '2025-11-25 13:00']),
      '2025-11-25 13:30',
      'running',
      30 * MINUTE,
      '2025-11-25 15:00',
    ],
    [
      'filed before Tết 2026, 8 business hours',
      clock('business', 8 * HOUR, ['start', '2026-02-13 16:00']),
      '2026-02-20 12:00',
      'running',
      HOUR,
      '2026-02-23 16:00',
    ],
    [
      'calendar mode ignores holidays and nights',
      clock('calendar', 8 * HOUR, ['start', '2026-02-13 16:00']),
      '2026-02-13 20:00',
      'running',
      4 * HOUR,
      '2026-02-14 00:00',
    ],
    [
      'calendar mode pauses too',
      clock('calendar', 8 * HOUR, ['start', '2026-02-13 16:00'], ['pause', '2026-02-13 17:00'], ['resume', '2026-02-17 09:00']),
      '2026-02-17 10:00',
      'running',
      2 * HOUR,
      '2026-02-17 16:00',
    ],
    [
      'replayed and out-of-place transitions are ignored',
      clock(
        'business',
        2 * HOUR,
        ['start', '2025-11-24 07:30'],
        ['start', '2025-11-24 08:00'],
        ['resume', '2025-11-24 08:10'],
        ['pause', '2025-11-24 08:30'],
        ['pause', '2025-11-24 08:40'],
        ['resume', '2025-11-24 09:30'],
        ['resume', '2025-11-24 09:40'],
      ),
      '2025-11-24 10:30',
      'running',
      2 * HOUR,
      '2025-11-24 10:30',
    ],
    [
      'nothing restarts a stopped clock but a reset',
      clock(
        'business',
        2 * HOUR,
        ['start', '2025-11-24 07:30'],
        ['stop', '2025-11-24 08:00'],
        ['resume', '2025-11-24 09:00'],
        ['start', '2025-11-24 09:00'],
      ),
      '2025-11-24 10:00',
      'stopped',
      30 * MINUTE,
      null,
    ],
    ['a clock that never started', clock('business', 2 * HOUR), '2025-11-24 10:00', 'stopped', 0, null],
  ])('%s', (_, c, now, expectedState, elapsed, due) => {
    expect(state(c)).toBe(expectedState);
    expect(elapsedMs(c, hcmc(now), calendar)).toBe(elapsed);
    expect(remainingMs(c, hcmc(now), calendar)).toBe(c.targetMs - elapsed);
    expect(iso(dueAt(c, calendar))).toBe(local(due));
  });

  it('counts elapsed time as of `now`, ignoring transitions after it', () => {
    const c = clock('business', 8 * HOUR, ['start', '2025-11-24 07:30'], ['pause', '2025-11-24 09:30'], ['resume', '2025-11-25 07:30']);
    expect(elapsedMs(c, hcmc('2025-11-24 08:30'), calendar)).toBe(HOUR);
    expect(elapsedMs(c, hcmc('2025-11-24 23:00'), calendar)).toBe(2 * HOUR);
    expect(cycle(c, hcmc('2025-11-24 23:00')).state).toBe('paused');
  });

  it.each<[string, SlaClock, number[], (string | null)[]]>([
    [
      'running: warnings at 50/75/90 %, breach at 100 %',
      clock('business', 8 * HOUR, ['start', '2025-11-24 07:30']),
      [0.5, 0.75, 0.9, 1],
      ['2025-11-24 11:30', '2025-11-24 15:00', '2025-11-24 16:12', '2025-11-24 17:00'],
    ],
    [
      'paused: stages passed keep their instant, the rest are unknown',
      clock('business', 8 * HOUR, ['start', '2025-11-24 07:30'], ['pause', '2025-11-24 14:00']),
      [0.5, 0.75, 1],
      ['2025-11-24 11:30', null, null],
    ],
    [
      'stopped before any stage',
      clock('business', 8 * HOUR, ['start', '2025-11-24 07:30'], ['stop', '2025-11-24 08:00']),
      [0.5, 1],
      [null, null],
    ],
    ['calendar mode', clock('calendar', 4 * HOUR, ['start', '2026-02-17 22:00']), [0.5, 1], ['2026-02-18 00:00', '2026-02-18 02:00']],
    [
      'a breach already passed keeps its instant after a pause',
      clock('business', HOUR, ['start', '2025-11-24 07:30'], ['pause', '2025-11-24 10:00']),
      [1],
      ['2025-11-24 08:30'],
    ],
  ])('stageInstants: %s', (_, c, stages, expected) => {
    expect(stageInstants(c, calendar, stages).map((s) => iso(s.at))).toEqual(expected.map(local));
  });

  it('the breach stage equals dueAt', () => {
    const c = clock(
      'business',
      13 * HOUR + 17 * MINUTE,
      ['start', '2026-02-12 15:45'],
      ['pause', '2026-02-13 09:00'],
      ['resume', '2026-02-23 14:10'],
    );
    expect(iso(stageInstants(c, calendar).at(-1)!.at)).toBe(iso(dueAt(c, calendar)));
  });

  it('cycle() numbers the cycles and keeps only the current one', () => {
    const c = clock(
      'business',
      HOUR,
      ['start', '2025-11-24 07:30'],
      ['reset', '2025-11-24 09:00'],
      ['pause', '2025-11-24 09:30'],
      ['reset', '2025-11-24 10:00'],
    );
    expect(cycle(c)).toEqual({
      number: 3,
      startedAt: hcmc('2025-11-24 10:00'),
      state: 'running',
      segments: [{ from: hcmc('2025-11-24 10:00'), to: null }],
    });
    expect(cycle(c, hcmc('2025-11-24 09:45'))).toMatchObject({ number: 2, state: 'paused' });
  });

  it.each<[string, SlaClock]>([
    ['transitions out of order', clock('business', HOUR, ['start', '2025-11-24 09:00'], ['pause', '2025-11-24 08:00'])],
    ['a negative target', clock('business', -1, ['start', '2025-11-24 09:00'])],
    ['a fractional target', clock('business', 0.5, ['start', '2025-11-24 09:00'])],
  ])('refuses %s', (_, c) => {
    expect(() => dueAt(c, calendar)).toThrow(RangeError);
  });
});
