import { failedSendMeans, nextAttemptAt } from './notification-delivery.service';
import { notificationMessageId } from './smtp.driver';

describe('failedSendMeans', () => {
  it.each<[string, unknown, 'refused' | 'unknown']>([
    ['a refused recipient (550 on RCPT TO)', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }, 'refused'],
    ['a refused message (554 after the data)', { code: 'EMESSAGE', responseCode: 554, command: 'DATA' }, 'refused'],
    ['a relay that is down (no connection)', { code: 'ESOCKET', command: 'CONN' }, 'refused'],
    ['a bad sign-in', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }, 'refused'],
    ['a connection broken while the message was on its way', { code: 'ECONNECTION', command: 'DATA' }, 'unknown'],
    ['no answer to the final dot', { code: 'ETIMEDOUT', command: '.' }, 'unknown'],
    ['a driver error that says nothing', new Error('boom'), 'refused'],
  ])('%s → %s', (_case, err, expected) => {
    expect(failedSendMeans(err)).toBe(expected);
  });
});

describe('notificationMessageId', () => {
  it.each([
    ['42', 'Tổng đài 1022 TP.HCM <no-reply@1022.tphcm.gov.vn>', '<notification.42@1022.tphcm.gov.vn>'],
    ['7', 'no-reply@example.vn', '<notification.7@example.vn>'],
    ['7', 'no address', '<notification.7@localhost>'],
  ])('notification %s from %s → %s', (id, from, expected) => {
    expect(notificationMessageId(id, from)).toBe(expected);
  });
});

describe('nextAttemptAt', () => {
  const now = new Date('2025-11-24T03:00:00Z');
  it.each([
    [1, 60_000],
    [2, 120_000],
    [3, null],
  ])('after attempt %i waits %p ms', (attempts, waitMs) => {
    const at = nextAttemptAt(now, attempts, { maxAttempts: 3, retryBaseMs: 60_000 });
    expect(at === null ? null : at.getTime() - now.getTime()).toBe(waitMs);
  });
});
