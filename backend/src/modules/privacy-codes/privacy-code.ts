import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The one-time code e-mailed to a data subject: six digits, kept only as a keyed digest bound to
 * its verification (a plain hash of six digits is undone by trying a million), compared in
 * constant time. Few tries (PRIVACY_CODE_MAX_ATTEMPTS) and a short life make guessing useless.
 */
export const CODE_PATTERN = /^\d{6}$/;

export function newVerificationCode(random: (max: number) => number = (max) => randomInt(max)): string {
  return String(random(1_000_000)).padStart(6, '0');
}

export function hashVerificationCode(key: string, verificationId: string, code: string): Buffer {
  return createHmac('sha256', key).update(`${verificationId}:${code}`, 'utf8').digest();
}

export function codeMatches(key: string, verificationId: string, code: string, stored: Buffer | null): boolean {
  if (!stored || !CODE_PATTERN.test(code)) return false;
  const given = hashVerificationCode(key, verificationId, code);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The key of the privacy digests, derived from the signing secret so no new secret has to be kept. */
export function privacyDigestKey(signingSecret: string): string {
  return createHmac('sha256', signingSecret).update('hcmc1022 privacy digests', 'utf8').digest('hex');
}
