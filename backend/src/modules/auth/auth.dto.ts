import { z } from 'zod';
import { USER_ROLES } from '../users/app-user.entity';

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

// --- answers (documented in OpenAPI; the service returns these types) ---

/** The password was right; the account has a second factor, so the sign-in continues at /auth/login/second-factor. */
export const secondFactorChallengeSchema = z
  .object({
    secondFactorRequired: z.literal(true),
    challengeToken: z.string(),
    expiresIn: z.number().int().describe('Seconds the challenge token lives'),
  })
  .meta({ id: 'SecondFactorChallenge' });
export type SecondFactorChallenge = z.infer<typeof secondFactorChallengeSchema>;

/** Who a staff account is: what the signed-in user and the admin's list of accounts both show. */
export const staffIdentityShape = {
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(USER_ROLES),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), kind: z.string() }).nullable(),
};

export const sessionUserSchema = z
  .object({
    ...staffIdentityShape,
    mustChangePassword: z.boolean().describe('A temporary password: the user must choose their own before anything else'),
    secondFactor: z
      .object({ enrolled: z.boolean(), required: z.boolean() })
      .describe('Whether a second factor is set up, and whether the user must set one up before anything else'),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds the access token lives (minutes): renew it with the refresh token before then'),
    refreshToken: z.string().describe('Rotating: each use returns a new one and retires this one'),
    refreshExpiresIn: z.number().int(),
    sessionId: z.string(),
    user: sessionUserSchema,
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const loginAnswerSchema = z.union([loginResponseSchema, secondFactorChallengeSchema]).meta({ id: 'LoginAnswer' });

export const sessionViewSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean().describe('The session of the token that asked'),
  })
  .meta({ id: 'SessionView' });
export type SessionView = z.infer<typeof sessionViewSchema>;
export const sessionsResponse = z.array(sessionViewSchema);
export const endedSessionsResponse = z.object({ ended: z.number().int().min(0) }).meta({ id: 'EndedSessions' });

export const enrolmentSchema = z
  .object({
    secret: z.string().describe('Base32, for typing into an app that cannot scan'),
    otpauthUri: z.string(),
    qrCode: z.string().describe('The URI as a PNG data URL, to scan'),
  })
  .meta({ id: 'SecondFactorEnrolment' });
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const recoveryCodesResponse = z
  .object({ recoveryCodes: z.array(z.string()).describe('Shown this once; each signs in once in place of a code') })
  .meta({ id: 'RecoveryCodes' });
