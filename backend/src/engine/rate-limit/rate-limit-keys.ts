import { createHash } from 'node:crypto';
import { Bucket, Dimension, RateLimitPolicy } from './rate-limit-policy';

/** The header the app sends with its random per-installation id (never personal data). */
export const DEVICE_HEADER = 'x-device-id';

// An id the app generated: long enough to be random, short enough to bound the key.
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

export interface RateLimitSubject {
  /** The client address as Fastify resolved it (forwarded headers only from TRUST_PROXY). */
  ip: string;
  /** The raw device id header, if any. */
  deviceId?: string | string[] | null;
  /** A signed-in staff member. */
  userId?: string | null;
  /** The account a sign-in names, already normalised (usernameKey). */
  account?: string | null;
  /** An Open311 API key, already checked. */
  apiKey?: string | null;
}

export interface BucketKey {
  dimension: Dimension;
  key: string;
  bucket: Bucket;
}

// Narrow to wide: a flood from one address is stopped at its own bucket before it can drain the
// global one, which would shut out everybody else.
const ORDER: Dimension[] = ['device', 'client', 'account', 'apiKey', 'user', 'global'];

/**
 * The network a client address stands for: an IPv4 address itself (IPv4-mapped IPv6 too), an
 * IPv6 address its /64, since one subscriber gets a whole /64 from the carrier and could take a
 * fresh address for every request.
 */
export function clientNetwork(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** A short, stable digest, so Redis keys never hold a username or an API key in clear. */
export const digest = (value: string): string => createHash('sha256').update(value, 'utf8').digest('base64url').slice(0, 22);

/**
 * The buckets one request counts in under a policy, narrowest first. Staff are counted per user
 * only; a device id that is not one (wrong form) counts as none. Addresses, device ids, names
 * and keys are hashed, so Redis never holds a client's address, a username or an API key in clear.
 */
export function bucketsFor(policy: RateLimitPolicy, subject: RateLimitSubject): BucketKey[] {
  const keys: Partial<Record<Dimension, string>> = {};
  if (subject.userId && policy.user) {
    keys.user = subject.userId;
  } else {
    const device = Array.isArray(subject.deviceId) ? subject.deviceId[0] : subject.deviceId;
    const network = clientNetwork(subject.ip);
    if (device && DEVICE_ID.test(device)) keys.device = digest(`${network}|${device}`);
    keys.client = digest(network);
    if (subject.account) keys.account = digest(subject.account.slice(0, 256));
    if (subject.apiKey) keys.apiKey = digest(subject.apiKey);
    keys.global = 'all';
  }
  return ORDER.flatMap((dimension) => {
    const bucket = policy[dimension];
    const key = keys[dimension];
    return bucket && key !== undefined ? [{ dimension, key, bucket }] : [];
  });
}
