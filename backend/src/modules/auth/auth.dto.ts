import { z } from 'zod';

export const loginSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .strict()
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof loginSchema>;

export const refreshSchema = z
  .object({ refreshToken: z.string().min(1).max(200) })
  .strict()
  .meta({ id: 'RefreshRequest' });
export type RefreshRequest = z.infer<typeof refreshSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(1).max(200),
  })
  .strict()
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof changePasswordSchema>;

export const secondFactorLoginSchema = z
  .object({
    challengeToken: z.string().min(1).max(2000),
    /** Six digits from the authenticator app, or a recovery code. */
    code: z.string().trim().min(6).max(20),
  })
  .strict()
  .meta({ id: 'SecondFactorLoginRequest' });
export type SecondFactorLoginRequest = z.infer<typeof secondFactorLoginSchema>;

export const secondFactorCodeSchema = z
  .object({ code: z.string().trim().min(6).max(20) })
  .strict()
  .meta({ id: 'SecondFactorCodeRequest' });

/** The password was right; the account has a second factor, so the sign-in continues at /auth/login/second-factor. */
export interface SecondFactorChallenge {
  secondFactorRequired: true;
  challengeToken: string;
  expiresIn: number;
}

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: string;
  unit: { id: string; code: string; name: string; nameEn: string; kind: string } | null;
  /** A temporary password: the user must choose their own before anything else. */
  mustChangePassword: boolean;
  /** Whether a second factor is set up, and whether the user must set one up before anything else. */
  secondFactor: { enrolled: boolean; required: boolean };
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token lives (minutes): renew it with the refresh token before then. */
  expiresIn: number;
  /** Rotating: each use returns a new one and retires this one. */
  refreshToken: string;
  refreshExpiresIn: number;
  sessionId: string;
  user: SessionUser;
}

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  /** The session of the token that asked. */
  current: boolean;
}
