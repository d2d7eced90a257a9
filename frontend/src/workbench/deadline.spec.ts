import { describe, expect, it } from 'vitest';
import { deadlineOf, durationParts, type DeadlineState } from './deadline';
import type { QueueItem } from './workbenchQueries';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');
const at = (hoursFromNow: number) => new Date(NOW + hoursFromNow * HOUR).toISOString();

type Row = Pick<QueueItem, 'createdAt' | 'responseDueAt' | 'resolutionDueAt' | 'slaState'>;

describe('deadlineOf', () => {
  it.each<[string, Row, DeadlineState, number | null]>([
    ['no deadline', { createdAt: at(-1), responseDueAt: null, resolutionDueAt: null, slaState: null }, 'none', null],
    ['paused without a deadline', { createdAt: at(-1), responseDueAt: null, resolutionDueAt: null, slaState: 'paused' }, 'paused', null],
    [
      'paused keeps its time left',
      { createdAt: at(-1), responseDueAt: null, resolutionDueAt: at(-2), slaState: 'paused' },
      'paused',
      -2 * HOUR,
    ],
    ['plenty of time', { createdAt: at(-10), responseDueAt: null, resolutionDueAt: at(90), slaState: 'running' }, 'ok', 90 * HOUR],
    // Less than four hours left is a warning whatever the total.
    [
      'under four hours',
      { createdAt: at(-100), responseDueAt: null, resolutionDueAt: at(3.5), slaState: 'running' },
      'warning',
      3.5 * HOUR,
    ],
    // Less than a quarter of the time left: 10 of 50 hours.
    ['under a quarter', { createdAt: at(-40), responseDueAt: null, resolutionDueAt: at(10), slaState: 'running' }, 'warning', 10 * HOUR],
    ['just over a quarter', { createdAt: at(-29), responseDueAt: null, resolutionDueAt: at(10), slaState: 'running' }, 'ok', 10 * HOUR],
    ['overdue', { createdAt: at(-10), responseDueAt: null, resolutionDueAt: at(-0.5), slaState: 'running' }, 'overdue', -0.5 * HOUR],
    ['due this instant', { createdAt: at(-10), responseDueAt: null, resolutionDueAt: at(0), slaState: 'running' }, 'warning', 0],
    // The response deadline counts while there is no resolution deadline.
    ['response deadline', { createdAt: at(-1), responseDueAt: at(20), resolutionDueAt: null, slaState: 'running' }, 'ok', 20 * HOUR],
    ['resolution wins', { createdAt: at(-1), responseDueAt: at(-5), resolutionDueAt: at(20), slaState: 'running' }, 'ok', 20 * HOUR],
    ['stopped clock', { createdAt: at(-10), responseDueAt: null, resolutionDueAt: at(-1), slaState: 'stopped' }, 'overdue', -HOUR],
  ])('%s', (_, row, state, remainingMs) => {
    const deadline = deadlineOf(row, NOW);
    expect(deadline.state).toBe(state);
    expect(deadline.remainingMs).toBe(remainingMs);
    expect(deadline.dueAt).toBe(row.resolutionDueAt ?? row.responseDueAt);
  });
});

describe('durationParts', () => {
  it.each([
    [0, 0, 0, 0],
    [59_999, 0, 0, 0],
    [60_000, 0, 0, 1],
    [HOUR, 0, 1, 0],
    [26 * HOUR + 5 * 60_000, 1, 2, 5],
    [-(3 * HOUR + 30 * 60_000), 0, 3, 30],
    [49 * HOUR, 2, 1, 0],
  ])('%i ms → %i d %i h %i min', (ms, days, hours, minutes) => {
    expect(durationParts(ms)).toEqual({ days, hours, minutes });
  });
});
