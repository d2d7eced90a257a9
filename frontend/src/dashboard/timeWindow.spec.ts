import { describe, expect, it } from 'vitest';
import {
  cityDayStart,
  clampStep,
  closedBounds,
  comparePeriod,
  lastDayOf,
  nextPlayStep,
  playStart,
  stepCount,
  windowBounds,
  windowDays,
  type TimeSelection,
} from './timeWindow';

// 10:15 on 10 March 2026 in the city.
const NOW = Date.parse('2026-03-10T03:15:30Z');

describe('cityDayStart', () => {
  it.each([
    ['2026-03-10T03:15:30Z', '2026-03-09T17:00:00.000Z'],
    ['2026-03-09T17:00:00Z', '2026-03-09T17:00:00.000Z'],
    ['2026-03-09T16:59:59Z', '2026-03-08T17:00:00.000Z'],
  ])('%s → %s', (iso, start) => {
    expect(new Date(cityDayStart(Date.parse(iso))).toISOString()).toBe(start);
  });
});

describe('steps', () => {
  it.each<[TimeSelection['kind'], TimeSelection['span'], number, number]>([
    ['day', 30, 1, 30],
    ['day', 90, 1, 90],
    ['week', 30, 7, 4],
    ['week', 90, 7, 12],
    ['span', 30, 30, 1],
    ['span', 90, 90, 1],
  ])('%s of %i: %i days, %i steps', (kind, span, days, steps) => {
    expect(windowDays({ kind, span })).toBe(days);
    expect(stepCount({ kind, span })).toBe(steps);
  });

  it.each<[TimeSelection, number]>([
    [{ kind: 'day', span: 30, step: 0 }, 0],
    [{ kind: 'day', span: 30, step: 29 }, 29],
    [{ kind: 'day', span: 30, step: 30 }, 29],
    [{ kind: 'week', span: 30, step: 7 }, 3],
    [{ kind: 'week', span: 90, step: -2 }, 0],
    [{ kind: 'day', span: 90, step: 2.6 }, 3],
    [{ kind: 'span', span: 90, step: 5 }, 0],
  ])('clampStep(%j) → %i', (selection, step) => {
    expect(clampStep(selection).step).toBe(step);
  });

  it('returns the same selection when the step is in range', () => {
    const selection: TimeSelection = { kind: 'week', span: 90, step: 3 };
    expect(clampStep(selection)).toBe(selection);
  });

  it.each<[TimeSelection, number | null, number]>([
    [{ kind: 'day', span: 30, step: 0 }, null, 29],
    [{ kind: 'day', span: 30, step: 5 }, 4, 5],
    [{ kind: 'week', span: 90, step: 1 }, 0, 1],
    [{ kind: 'week', span: 90, step: 0 }, null, 11],
    [{ kind: 'span', span: 30, step: 0 }, null, 0],
  ])('playing %j: next %s, starts at %i', (selection, next, start) => {
    expect(nextPlayStep(selection)).toBe(next);
    expect(playStart(selection)).toBe(start);
  });
});

describe('windowBounds', () => {
  it.each<[TimeSelection, string, string | null]>([
    // The latest window has no end, so it follows new reports.
    [{ kind: 'day', span: 30, step: 0 }, '2026-03-09T17:00:00.000Z', null],
    [{ kind: 'day', span: 30, step: 1 }, '2026-03-08T17:00:00.000Z', '2026-03-09T17:00:00.000Z'],
    [{ kind: 'week', span: 30, step: 0 }, '2026-03-03T17:00:00.000Z', null],
    [{ kind: 'week', span: 30, step: 2 }, '2026-02-17T17:00:00.000Z', '2026-02-24T17:00:00.000Z'],
    [{ kind: 'span', span: 30, step: 0 }, '2026-02-08T17:00:00.000Z', null],
    [{ kind: 'span', span: 90, step: 0 }, '2025-12-10T17:00:00.000Z', null],
    // A step past the last window is clamped to it.
    [{ kind: 'week', span: 30, step: 9 }, '2026-02-10T17:00:00.000Z', '2026-02-17T17:00:00.000Z'],
  ])('%j', (selection, from, to) => {
    expect(windowBounds(selection, NOW)).toEqual({ from, to });
  });

  it('closes an open window at the current minute and keeps a closed one', () => {
    expect(closedBounds({ from: '2026-03-09T17:00:00.000Z', to: null }, NOW)).toEqual({
      from: '2026-03-09T17:00:00.000Z',
      to: '2026-03-10T03:15:00.000Z',
    });
    const closed = { from: '2026-03-08T17:00:00.000Z', to: '2026-03-09T17:00:00.000Z' };
    expect(closedBounds(closed, NOW)).toEqual(closed);
  });

  it('labels a window by its last day', () => {
    expect(lastDayOf({ from: '2026-03-09T17:00:00.000Z', to: null }, NOW)).toBe(NOW);
    expect(lastDayOf({ from: '2026-03-08T17:00:00.000Z', to: '2026-03-09T17:00:00.000Z' }, NOW)).toBe(
      Date.parse('2026-03-09T16:59:59.999Z'),
    );
  });

  it.each([
    ['day', 'day'],
    ['week', 'week'],
    ['span', 'month'],
  ] as const)('compares a %s with the previous %s', (kind, period) => {
    expect(comparePeriod(kind)).toBe(period);
  });
});
