import { z } from 'zod';

export const loginSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .strict()
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof loginSchema>;

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: string;
  unit: { id: string; code: string; name: string; nameEn: string; kind: string } | null;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: SessionUser;
}
