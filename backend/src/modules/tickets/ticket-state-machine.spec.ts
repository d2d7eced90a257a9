import type { ReportStatus } from '../report-record/report-status';
import { allowedActions, IllegalTransitionError, nextStatus, TicketAction } from './ticket-state-machine';
import { itMapsEachPair } from '../../testing/table';

describe('ticket state machine', () => {
  itMapsEachPair<ReportStatus, TicketAction, ReportStatus>('%s --%s--> %s', nextStatus, [
    ['assigned', 'accept', 'in_progress'],
    ['in_progress', 'request_info', 'waiting_citizen'],
    ['waiting_citizen', 'citizen_reply', 'in_progress'],
    ['in_progress', 'resolve', 'resolved'],
    ['assigned', 'resolve', 'resolved'],
    ['resolved', 'reopen', 'reopened'],
    ['reopened', 'accept', 'in_progress'],
    ['reopened', 'resolve', 'resolved'],
    ['resolved', 'close', 'closed'],
    ['new', 'reject', 'rejected'],
    ['waiting_citizen', 'reject', 'rejected'],
    ['in_progress', 'merge', 'merged'],
  ]);

  it.each([
    ['closed', 'reopen'],
    ['closed', 'resolve'],
    ['rejected', 'accept'],
    ['merged', 'reject'],
    ['resolved', 'request_info'],
    ['waiting_citizen', 'resolve'],
    ['new', 'accept'],
    ['in_progress', 'close'],
  ] as [ReportStatus, TicketAction][])('refuses %s --%s--> and names what is allowed', (from, action) => {
    expect(() => nextStatus(from, action)).toThrow(IllegalTransitionError);
    try {
      nextStatus(from, action);
    } catch (err) {
      expect((err as IllegalTransitionError).allowed).toEqual(allowedActions(from));
    }
  });

  it.each([
    ['closed', []],
    ['rejected', []],
    ['merged', []],
    ['resolved', ['reopen', 'close']],
    ['waiting_citizen', ['citizen_reply', 'reject', 'merge']],
  ] as [ReportStatus, TicketAction[]][])('a %s ticket allows %j', (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });
});
