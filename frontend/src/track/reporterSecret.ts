/**
 * The reporter's secret for a report: it arrives in the private link's fragment (`#secret=…`,
 * which the browser never sends to the server, so it stays out of logs), and is then kept in this
 * browser for that code, so the reporter can come back with the code alone.
 */
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const KEY_PREFIX = '1022.reporterSecret.';

/** The secret in a link's fragment, or null. */
export function secretFromFragment(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('secret');
  return value !== null && SECRET.test(value) ? value : null;
}

export function rememberSecret(code: string, secret: string): void {
  try {
    window.localStorage.setItem(KEY_PREFIX + code, secret);
  } catch {
    // Storage refused (private mode, quota): the secret still works for this visit.
  }
}

export function storedSecret(code: string): string | null {
  try {
    const value = window.localStorage.getItem(KEY_PREFIX + code);
    return value !== null && SECRET.test(value) ? value : null;
  } catch {
    return null;
  }
}
