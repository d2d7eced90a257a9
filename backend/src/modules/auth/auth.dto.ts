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

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: string;
  unit: { id: string; code: string; name: string; nameEn: string; kind: string } | null;
  /** A temporary password: the user must choose their own before anything else. */
  mustChangePassword: boolean;
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
