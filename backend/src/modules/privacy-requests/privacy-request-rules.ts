import { createHmac } from 'node:crypto';
import type { UserRole } from '../users/app-user.entity';

/**
 * The rules of a data subject's request (Law 91/2025/QH15; Decree 13/2023/ND-CP art. 9, 14, 16),
 * apart from storage and HTTP: its deadline, what may follow what, who may log and read it, and
 * the one form each identifier is compared and digested in.
 */

export const PRIVACY_REQUEST_KINDS = ['access', 'erasure'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

/** How the request reached the city: the two self-service ways, and three by staff. */
export const PRIVACY_REQUEST_CHANNELS = ['web_link', 'email_code', 'phone', 'letter', 'in_person'] as const;
export type PrivacyRequestChannel = (typeof PRIVACY_REQUEST_CHANNELS)[number];
export type SelfServiceChannel = Extract<PrivacyRequestChannel, 'web_link' | 'email_code'>;

export const PRIVACY_REQUEST_STATUSES = ['received', 'in_progress', 'completed', 'rejected'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

const HOUR_MS = 3_600_000;

/**
 * When the answer is due: `hours` (PRIVACY_REQUEST_RESPONSE_HOURS) after it was received, counted
 * in elapsed hours, as Decree 13/2023 counts its 72 hours (not working days).
 */
export function privacyRequestDueAt(receivedAt: Date, hours: number): Date {
  return new Date(receivedAt.getTime() + hours * HOUR_MS);
}

/** Late: still open after its deadline. A handled request is never late, whenever it was handled. */
export function isOverdue(status: PrivacyRequestStatus, dueAt: Date, now: Date): boolean {
  return (status === 'received' || status === 'in_progress') && now.getTime() > dueAt.getTime();
}

/** Whether a request in `status` may be completed or rejected: only while it is open. */
export function mayHandle(status: PrivacyRequestStatus): boolean {
  return status === 'received' || status === 'in_progress';
}

/**
 * Who may log a request on the subject's behalf: an admin for any channel; a call-centre operator
 * for a call (the identity checked on the phone). Self-service channels are never logged by staff.
 */
export function mayLog(role: UserRole, channel: PrivacyRequestChannel): boolean {
  if (channel === 'web_link' || channel === 'email_code') return false;
  return role === 'admin' || (role === 'operator' && channel === 'phone');
}

/** Who may read or handle a request: an admin any; an operator those they logged. */
export function mayRead(role: UserRole, userId: string, loggedBy: string | null): boolean {
  return role === 'admin' || (role === 'operator' && loggedBy === userId);
}

/** Handling (completing or rejecting) is an admin's: it exports or erases everything of the subject. */
export function mayHandleAs(role: UserRole): boolean {
  return role === 'admin';
}

/** One form of an e-mail address to compare: trimmed, lower case (the whole address; providers differ on the local part). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A keyed digest of one identifier (`phone:0901234567`, `email:a@b.vn`): lets a handled request be
 * found again from the same phone or address without keeping either. Keyed, because a plain hash
 * of a phone number is undone by trying every number.
 */
export function subjectDigest(key: string, kind: 'phone' | 'email', value: string): string {
  return createHmac('sha256', key).update(`${kind}:${value}`, 'utf8').digest('hex');
}

/** The digests of a subject's identifiers, in one order. */
export function subjectDigests(key: string, phones: readonly string[], emails: readonly string[]): string[] {
  return [
    ...phones.map((p) => subjectDigest(key, 'phone', p)),
    ...emails.map((e) => subjectDigest(key, 'email', normalizeEmail(e))),
  ].sort();
}
