/**
 * The bearer token lives in sessionStorage: it survives a reload but not closing the tab,
 * which suits shared call-centre and ward-office computers.
 */
const SESSION_KEY = 'session1022';

export interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds after which the API will refuse the token. */
  expiresAt: number;
}

export function readSession(now = Date.now()): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'number') return null;
    if (parsed.expiresAt <= now) {
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt };
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
