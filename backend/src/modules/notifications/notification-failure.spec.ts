import { REDACTED as R } from '../../engine/privacy/redact-personal-text';
import { describeFailure } from './notification-failure';

const smtpError = (message: string, responseCode?: number, code?: string) => Object.assign(new Error(message), { responseCode, code });

describe('describeFailure', () => {
  it.each([
    [
      smtpError("Can't send mail - all recipients were rejected: 550 5.1.1 <An.Nguyen@Example.vn>: no such user", 550, 'EENVELOPE'),
      'an.nguyen@example.vn',
      `EENVELOPE 550 Can't send mail - all recipients were rejected: 550 5.1.1 <${R}>: no such user`,
    ],
    [smtpError('gateway refused 0901234567: blocked', 403), '0901234567', `403 gateway refused ${R}: blocked`],
    [smtpError('gateway refused +84901234567', 403), '0901234567', `403 gateway refused ${R}`],
    [
      smtpError('connect ECONNREFUSED 127.0.0.1:2525', undefined, 'ECONNREFUSED'),
      'an@example.vn',
      'ECONNREFUSED connect ECONNREFUSED 127.0.0.1:2525',
    ],
    [new Error('unknown template "no.such.template"'), 'an@example.vn', 'unknown template "no.such.template"'],
    ['a string thrown', '', 'a string thrown'],
  ])('%p to %p → %p', (err, recipient, expected) => {
    expect(describeFailure(err, recipient)).toBe(expected);
  });

  it('keeps at most 1000 characters', () => {
    expect(describeFailure(new Error('x'.repeat(2000)), 'a@b.vn')).toHaveLength(1000);
  });
});
