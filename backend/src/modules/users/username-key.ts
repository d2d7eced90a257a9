/**
 * The one canonical form of a staff username, used for look-ups, uniqueness and login limits
 * alike: compatibility-normalised (NFKC: full-width letters become ASCII), lower-cased without a
 * locale, and stripped of combining marks, so that `admİn` (U+0130), `ＡＤＭＩＮ` and `Admin`
 * are one account and one throttle bucket. Usernames are ASCII by policy; anything that still is
 * not after this fold can never name an account.
 */
export function usernameKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '');
}

/** What an account's username may be: 3–64 of a–z, 0–9, dot, underscore and hyphen. */
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{1,62})[a-z0-9]$/;

export function isValidUsername(key: string): boolean {
  return USERNAME_PATTERN.test(key);
}
