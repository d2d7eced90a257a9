import type { Schemas } from '../api/client';

/** The signed-in user as the API describes them (GET /auth/me, and the user of a sign-in). */
export type AuthUser = Schemas['SessionUser'];

/** Staff roles as issued by the API; a visitor without a session is a citizen. */
export type Role = AuthUser['role'];
export const STAFF_ROLES: readonly Role[] = ['operator', 'ward_official', 'department_official', 'leader', 'admin'];
export type Audience = Role | 'citizen';

/** What a sign-in needs before the account can work: a new password, then a second factor. */
export function setupStep(user: AuthUser | null): 'password' | 'secondFactor' | null {
  if (!user) return null;
  if (user.mustChangePassword) return 'password';
  if (user.secondFactor.required && !user.secondFactor.enrolled) return 'secondFactor';
  return null;
}
