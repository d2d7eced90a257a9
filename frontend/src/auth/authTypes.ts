/** Staff roles as issued by the API; a visitor without a session is a citizen. */
export const STAFF_ROLES = ['operator', 'ward_official', 'department_official', 'leader', 'admin'] as const;
export type Role = (typeof STAFF_ROLES)[number];
export type Audience = Role | 'citizen';

export type UnitKind = 'ward_committee' | 'department' | 'utility' | 'city';

export interface UnitRef {
  id: string;
  name: string;
  kind: UnitKind | string;
  /** English name, when the API sends one. */
  nameEn?: string;
}

export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unit: UnitRef | null;
  /** A temporary password: the user must choose their own before anything else. */
  mustChangePassword?: boolean;
  /** Whether a second factor is set up, and whether the role requires one. */
  secondFactor?: { enrolled: boolean; required: boolean };
}

/** The password was right; the account has a second factor, so a code comes next. */
export interface SecondFactorChallenge {
  secondFactorRequired: true;
  challengeToken: string;
  expiresIn: number;
}

/** What a sign-in needs before the account can work: a new password, then a second factor. */
export function setupStep(user: AuthUser | null): 'password' | 'secondFactor' | null {
  if (!user) return null;
  if (user.mustChangePassword) return 'password';
  if (user.secondFactor?.required && !user.secondFactor.enrolled) return 'secondFactor';
  return null;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Lifetime of the token in seconds. */
  expiresIn: number;
  /** Renews the session before the access token expires; rotated on each use. */
  refreshToken: string;
  refreshExpiresIn: number;
  sessionId: string;
  user: AuthUser;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
