import type { UserRole } from '../users/app-user.entity';

/**
 * Who is calling: the user of a live session, with the role and unit the user has now (not when
 * the token was issued). Anonymous callers have no principal.
 */
export interface Principal {
  userId: string;
  username: string;
  role: UserRole;
  unitId: string | null;
  /** The session the access token names; absent only for principals built outside HTTP (jobs, tests). */
  sessionId?: string;
}
