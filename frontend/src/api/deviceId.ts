/** The header the API's rate limits read: one browser counts under its own, tighter limit than its network. */
export const DEVICE_HEADER = 'X-Device-Id';

const STORAGE_KEY = 'hcmc1022.deviceId';
let memory: string | null = null;

// getRandomValues, not randomUUID: the latter exists only in secure contexts, and the app may be
// served over plain HTTP on a closed network.
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A random id for this browser, kept in localStorage (in memory where storage is refused). It
 * says nothing about the person; it only lets many citizens behind one carrier address be
 * counted apart.
 */
export function deviceId(): string {
  if (memory) return memory;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored && /^[A-Za-z0-9_-]{16,64}$/.test(stored)) return (memory = stored);
    memory = randomId();
    window.localStorage.setItem(STORAGE_KEY, memory);
  } catch {
    memory ??= randomId();
  }
  return memory;
}
