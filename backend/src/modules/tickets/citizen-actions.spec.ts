import type { ReportStatus } from '../report-record/report-status';
import { citizenActions, REJECT_WINDOW_MS, ticketCycle } from './citizen-actions';

const NOW = new Date('2026-03-10T03:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('what the reporter may do', () => {
  it.each<[string, ReportStatus, Date | null, boolean, string[]]>([
    ['a new ticket: nothing yet', 'new', null, false, []],
    ['an assigned ticket', 'assigned', null, false, []],
    ['in progress', 'in_progress', null, false, []],
    ['asked for more: reply', 'waiting_citizen', null, false, ['reply']],
    ['just resolved: reject or rate', 'resolved', ago(60_000), false, ['reject', 'rate']],
    ['resolved exactly 7 days ago: still reject', 'resolved', ago(REJECT_WINDOW_MS), false, ['reject', 'rate']],
    ['resolved 7 days and a second ago: rate only', 'resolved', ago(REJECT_WINDOW_MS + 1000), false, ['rate']],
    ['resolved and rated this cycle: reject only', 'resolved', ago(60_000), true, ['reject']],
    ['closed by the unit, not rated: rate', 'closed', ago(86_400_000), false, ['rate']],
    ['closed and rated: nothing', 'closed', ago(86_400_000), true, []],
    ['reopened: nothing until the next answer', 'reopened', ago(86_400_000), true, []],
    ['rejected as out of scope', 'rejected', null, false, []],
    ['merged into another', 'merged', null, false, []],
  ])('%s', (_name, status, resolvedAt, ratedThisCycle, expected) => {
    expect(citizenActions({ status, resolvedAt, ratedThisCycle }, NOW)).toEqual(expected);
  });

  it.each([
    [0, 1],
    [1, 2],
    [4, 5],
  ])('after %i reopenings the ticket is in cycle %i', (reopenings, cycle) => {
    expect(ticketCycle(reopenings)).toBe(cycle);
  });
});
