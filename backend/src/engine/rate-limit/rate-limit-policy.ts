/**
 * What a rate-limit policy counts: each dimension is its own bucket of `limit` requests per
 * `windowSeconds`, and a request passes only while every bucket it falls into has room.
 *  - client: the caller's address (Fastify's request.ip, forwarded headers only from TRUST_PROXY);
 *    set high, since a mobile carrier puts many citizens behind one address;
 *  - device: the app's device id header with the address, when one is sent (tighter than client);
 *  - global: every anonymous caller together, the last line against a flood from many addresses;
 *  - user: a signed-in staff member, instead of the three above (an operator files all day);
 *  - account: the username a sign-in names (normalised by usernameKey);
 *  - apiKey: one Open311 API key.
 */
export const DIMENSIONS = ['device', 'client', 'account', 'apiKey', 'user', 'global'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Bucket {
  limit: number;
  windowSeconds: number;
}

export type RateLimitPolicy = Partial<Record<Dimension, Bucket>>;

export const POLICY_NAMES = [
  'filing',
  'upload',
  'citizenAction',
  'tracking',
  'open311Post',
  'login',
  'secondFactor',
  'privacyCode',
  'privacyAccess',
] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

const ENTRY = /^([a-zA-Z]+)=(\d+)\/(\d+)$/;

/**
 * Parses a policy setting such as `device=10/3600,client=60/600,global=300/60`: per dimension,
 * the limit and the window in seconds. Returns the reason when the text is not one.
 */
export function parsePolicy(text: string): RateLimitPolicy | string {
  const policy: RateLimitPolicy = {};
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return 'needs at least one dimension, e.g. client=60/600';
  for (const entry of entries) {
    const m = ENTRY.exec(entry);
    if (!m) return `"${entry}" is not dimension=limit/seconds`;
    const dimension = m[1] as Dimension;
    if (!DIMENSIONS.includes(dimension)) return `unknown dimension "${m[1]}" (one of ${DIMENSIONS.join(', ')})`;
    if (policy[dimension]) return `dimension "${dimension}" given twice`;
    const limit = Number(m[2]);
    const windowSeconds = Number(m[3]);
    if (limit < 1 || windowSeconds < 1) return `"${entry}": limit and window must be at least 1`;
    policy[dimension] = { limit, windowSeconds };
  }
  return policy;
}
