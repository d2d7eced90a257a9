import {
  isOverdue,
  mayHandle,
  mayLog,
  mayRead,
  normalizeEmail,
  privacyRequestDueAt,
  PrivacyRequestChannel,
  PrivacyRequestStatus,
  subjectDigest,
  subjectDigests,
} from './privacy-request-rules';
import type { UserRole } from '../users/app-user.entity';

const RECEIVED = new Date('2026-01-02T10:00:00Z');

describe('privacy request rules', () => {
  it.each([
    [72, '2026-01-05T10:00:00.000Z'],
    [1, '2026-01-02T11:00:00.000Z'],
    // Elapsed hours across Tết are still hours: the decree counts 72 hours, not working days.
    [24 * 30, '2026-02-01T10:00:00.000Z'],
  ])('is due %i hours after it was received: %s', (hours, due) => {
    expect(privacyRequestDueAt(RECEIVED, hours).toISOString()).toBe(due);
  });

  const DUE = new Date('2026-01-05T10:00:00Z');
  it.each<[PrivacyRequestStatus, string, boolean]>([
    ['received', '2026-01-05T09:59:59Z', false],
    ['received', '2026-01-05T10:00:00Z', false],
    ['received', '2026-01-05T10:00:01Z', true],
    ['in_progress', '2026-01-06T00:00:00Z', true],
    ['completed', '2026-02-01T00:00:00Z', false],
    ['rejected', '2026-02-01T00:00:00Z', false],
  ])('a %s request at %s is overdue: %s', (status, now, overdue) => {
    expect(isOverdue(status, DUE, new Date(now))).toBe(overdue);
  });

  it.each<[PrivacyRequestStatus, boolean]>([
    ['received', true],
    ['in_progress', true],
    ['completed', false],
    ['rejected', false],
  ])('a %s request may be handled: %s', (status, may) => {
    expect(mayHandle(status)).toBe(may);
  });

  it.each<[UserRole, PrivacyRequestChannel, boolean]>([
    ['admin', 'phone', true],
    ['admin', 'letter', true],
    ['admin', 'in_person', true],
    ['admin', 'web_link', false],
    ['admin', 'email_code', false],
    ['operator', 'phone', true],
    ['operator', 'letter', false],
    ['operator', 'in_person', false],
    ['leader', 'phone', false],
    ['ward_official', 'phone', false],
    ['department_official', 'letter', false],
  ])('%s may log a request by %s: %s', (role, channel, may) => {
    expect(mayLog(role, channel)).toBe(may);
  });

  it.each<[UserRole, string | null, boolean]>([
    ['admin', null, true],
    ['admin', 'someone', true],
    ['operator', 'me', true],
    ['operator', 'someone', false],
    ['operator', null, false],
    ['leader', 'me', false],
  ])('%s reads a request logged by %s: %s', (role, loggedBy, may) => {
    expect(mayRead(role, 'me', loggedBy)).toBe(may);
  });

  it('compares addresses in one form and digests identifiers with the key', () => {
    expect(normalizeEmail('  An.Nguyen@Example.VN ')).toBe('an.nguyen@example.vn');
    expect(subjectDigest('k', 'email', 'a@b.vn')).toMatch(/^[0-9a-f]{64}$/);
    expect(subjectDigest('k', 'email', 'a@b.vn')).not.toBe(subjectDigest('other key', 'email', 'a@b.vn'));
    expect(subjectDigest('k', 'phone', '0901234567')).not.toBe(subjectDigest('k', 'email', '0901234567'));
    expect(subjectDigests('k', ['0901234567'], ['A@B.vn'])).toEqual(
      [subjectDigest('k', 'phone', '0901234567'), subjectDigest('k', 'email', 'a@b.vn')].sort(),
    );
  });
});
