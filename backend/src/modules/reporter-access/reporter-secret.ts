import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The reporter's secret: 256 random bits, base64url (43 characters). It is handed out once and
 * kept only as its SHA-256 hash; with that much entropy a fast unsalted hash cannot be searched.
 */
export const REPORTER_SECRET_HEADER = 'x-reporter-secret';
const SECRET_BYTES = 32;
const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

export function newReporterSecret(random: (n: number) => Buffer = randomBytes): string {
  return random(SECRET_BYTES).toString('base64url');
}

export function isWellFormedSecret(value: unknown): value is string {
  return typeof value === 'string' && WELL_FORMED.test(value);
}

export function hashReporterSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * Whether the secret is one of the stored hashes. Every hash is compared, each in constant time,
 * so the answer's timing says nothing about which (or how much of one) matched.
 */
export function matchesAnyHash(secret: string, hashes: readonly Buffer[]): boolean {
  if (!isWellFormedSecret(secret)) return false;
  const given = hashReporterSecret(secret);
  let match = false;
  for (const h of hashes) if (h.length === given.length && timingSafeEqual(h, given)) match = true;
  return match;
}

/**
 * The reporter's private link. The secret travels in the fragment: browsers never send it to the
 * server, so it stays out of access logs, proxies and Referer headers; the page reads it there.
 */
export function reporterLink(code: string, secret: string, publicBaseUrl = ''): string {
  return `${publicBaseUrl}/track/${encodeURIComponent(code)}#secret=${secret}`;
}
