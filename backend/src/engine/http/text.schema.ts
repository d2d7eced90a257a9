import { z } from 'zod';

/** Free text as PostgreSQL can store it: no NUL bytes (text columns refuse them), trimmed, bounded. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain NUL characters' });
