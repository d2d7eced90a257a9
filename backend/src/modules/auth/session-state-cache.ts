import type { UserRole } from '../users/app-user.entity';

/** What a session allows right now: its user's live role and unit, or nothing once it ended. */
export interface SessionState {
  sessionId: string;
  userId: string;
  username: string;
  role: UserRole;
  unitId: string | null;
  /** Bumped whenever the session's authority changes (role, unit, password); part of the cache key of a principal. */
  version: number;
  /** A temporary password: only changing it (and signing out) is allowed. */
  mustChangePassword: boolean;
  /** The role needs a second factor (MFA_REQUIRED_ROLES) and none is enrolled yet: only enrolling is allowed. */
  mustEnrolSecondFactor: boolean;
}

/** `null`: the session ended (revoked, expired, or its user disabled). */
export type KnownSession = SessionState | null;

interface Entry {
  state: KnownSession;
  atMs: number;
}

/**
 * Each API process's view of the sessions it has seen, in plain TypeScript. A view younger than
 * `freshMs` is taken as it is (the guard's cheap path: a map's dozens of tiles cost one look-up
 * each); an older one is asked again, and is still good as the last known state for `staleMs`
 * when neither Redis nor PostgreSQL answers (DESIGN.md, "Limits and Redis"). Bounded: past
 * `capacity` sessions the one seen longest ago goes first.
 */
export class SessionStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly freshMs: number,
    private readonly staleMs: number,
    private readonly capacity: number,
  ) {}

  /** The state seen less than `freshMs` ago, or undefined when it must be asked again. */
  fresh(sessionId: string, nowMs: number): KnownSession | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    const age = nowMs - entry.atMs;
    return age >= 0 && age < this.freshMs ? entry.state : undefined;
  }

  /** The last state seen, if it is younger than `staleMs`: the fallback while the stores are away. */
  lastKnown(sessionId: string, nowMs: number): KnownSession | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    const age = nowMs - entry.atMs;
    return age >= 0 && age < this.staleMs ? entry.state : undefined;
  }

  set(sessionId: string, state: KnownSession, nowMs: number): void {
    this.entries.delete(sessionId);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(sessionId, { state, atMs: nowMs });
  }

  /** This process ended or changed the session itself: ask again next time. */
  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }
}
