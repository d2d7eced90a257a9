/** Injected so session expiry and the guard's cache age are fixed in tests; see STYLE.md rule 6. */
export const AUTH_CLOCK = Symbol('AUTH_CLOCK');

export interface AuthClock {
  now(): Date;
}

/** One per application, so that a test can move one process's clock without the others'. */
export const systemAuthClock = (): AuthClock => ({ now: () => new Date() });
