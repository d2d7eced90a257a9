import {
  ANSWERED_STATUS_SQL,
  isOpenStatus,
  isTerminalStatus,
  OPEN_STATUS_SQL,
  OPEN_STATUSES,
  REPORT_STATUSES,
  ReportStatus,
  TERMINAL_STATUS_SQL,
  TERMINAL_STATUSES,
} from './report-status';

describe('report statuses', () => {
  it.each([
    ['new', true],
    ['assigned', true],
    ['in_progress', true],
    ['waiting_citizen', true],
    ['reopened', true],
    ['resolved', false],
    ['closed', false],
    ['rejected', false],
    ['merged', false],
  ] as [ReportStatus, boolean][])('%s is open: %s', (status, open) => {
    expect(isOpenStatus(status)).toBe(open);
    expect(isTerminalStatus(status)).toBe(!open);
  });

  it('splits every status into open or terminal, once', () => {
    expect([...OPEN_STATUSES, ...TERMINAL_STATUSES].sort()).toEqual([...REPORT_STATUSES].sort());
  });

  it.each([
    [OPEN_STATUS_SQL, `('new', 'assigned', 'in_progress', 'waiting_citizen', 'reopened')`],
    [TERMINAL_STATUS_SQL, `('resolved', 'closed', 'rejected', 'merged')`],
    [ANSWERED_STATUS_SQL, `('resolved', 'closed')`],
  ])('writes the SQL list %s', (sql, expected) => {
    expect(sql).toBe(expected);
  });
});
