/**
 * Whether a secret from the environment (the token-signing key, an Open311 key, the metrics
 * token) is strong enough for production, estimated from the text alone: its length, the
 * information in its characters (Shannon entropy of their distribution, times the length), and
 * the two patterns that score well on entropy yet are guessed first — a repeated block and a
 * run of consecutive characters. `openssl rand -hex 32` scores about 240 bits.
 */
export interface SecretRule {
  minLength: number;
  minBits: number;
}

/** Signs every staff token: 32 characters and 128 bits, what `openssl rand -hex 32` gives with room to spare. */
export const SIGNING_SECRET: SecretRule = { minLength: 32, minBits: 128 };
/** A partner's Open311 key or the metrics token: `openssl rand -hex 16` (about 110 bits) passes. */
export const ACCESS_KEY: SecretRule = { minLength: 24, minBits: 80 };

export function estimatedBits(secret: string): number {
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}

/** The shortest block the secret repeats ("abcabcabc" → 3); its own length when it repeats nothing. */
function period(chars: string[]): number {
  for (let p = 1; p <= chars.length / 2; p++) {
    if (chars.every((c, i) => i < p || c === chars[i - p])) return p;
  }
  return chars.length;
}

/** Positions where a character follows the one before it by ±1 ("abcd", "4321"). */
function consecutiveShare(chars: string[]): number {
  let steps = 0;
  for (let i = 1; i < chars.length; i++) {
    if (Math.abs(chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)!) === 1) steps++;
  }
  return chars.length > 1 ? steps / (chars.length - 1) : 0;
}

/** Why the secret is weak, in words for the start-up message; null when it is strong enough. */
export function weakSecretReason(secret: string, rule: SecretRule): string | null {
  const chars = [...secret];
  if (chars.length < rule.minLength) return `shorter than ${rule.minLength} characters`;
  if (period(chars) <= chars.length / 2) return 'repeats a shorter block';
  if (consecutiveShare(chars) > 0.5) return 'mostly a run of consecutive characters';
  const bits = estimatedBits(secret);
  if (bits < rule.minBits) return `too predictable (about ${Math.floor(bits)} bits, needs ${rule.minBits}; e.g. openssl rand -hex 32)`;
  return null;
}
