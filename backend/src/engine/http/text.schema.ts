import { z } from 'zod';

/** Free text as PostgreSQL can store it: no NUL bytes (text columns refuse them), trimmed, bounded. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain NUL characters' });

/**
 * An instant as ISO 8601 with an offset ("2026-11-21T08:00:00+07:00"), kept a string in the
 * schema so OpenAPI can describe it; callers turn it into a Date.
 */
export const isoInstant = () => z.iso.datetime({ offset: true });
