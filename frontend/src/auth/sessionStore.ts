/**
 * The session's tokens live in sessionStorage: they survive a reload but not closing the tab,
 * which suits shared call-centre and ward-office computers.
 */
const SESSION_KEY = 'session1022';

export interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds after which the API will refuse the access token. */
  expiresAt: number;
  /** Renews the access token (rotating: each use returns the next one); absent for a token handed in from outside. */
  refreshToken?: string;
}

export function readSession(now = Date.now()): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'number') return null;
    const refreshToken = typeof parsed.refreshToken === 'string' ? parsed.refreshToken : undefined;
    // An expired access token is still worth keeping while its refresh token can renew it.
    if (parsed.expiresAt <= now && !refreshToken) {
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt, ...(refreshToken ? { refreshToken } : {}) };
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}
