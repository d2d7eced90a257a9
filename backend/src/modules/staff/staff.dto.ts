import { z } from 'zod';
import { text } from '../../engine/http/text.schema';
import { staffIdentityShape } from '../auth/auth.dto';
import { USER_ROLES } from '../users/app-user.entity';
import { isValidUsername, usernameKey } from '../users/username-key';

/** 3–64 of a–z, 0–9, dot, underscore and hyphen once folded (username-key.ts); stored folded. */
export const usernameField = text(64)
  .refine((raw) => isValidUsername(usernameKey(raw)), {
    message: 'username: 3–64 characters a–z, 0–9, dot, underscore or hyphen, starting and ending with a letter or digit',
  })
  .transform(usernameKey);

const optionalText = (max: number) =>
  text(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const createStaffSchema = z
  .object({
    username: usernameField,
    fullName: text(200).pipe(z.string().min(2)),
    role: z.enum(USER_ROLES),
    unitId: z.string().uuid().nullable().optional(),
    email: z.string().trim().email().max(200).nullable().optional(),
    phone: optionalText(30),
  })
  .strict()
  .meta({ id: 'CreateStaffRequest' });
export type CreateStaffRequest = z.infer<typeof createStaffSchema>;

export const updateStaffSchema = z
  .object({
    fullName: text(200).pipe(z.string().min(2)).optional(),
    role: z.enum(USER_ROLES).optional(),
    unitId: z.string().uuid().nullable().optional(),
    email: z.string().trim().email().max(200).nullable().optional(),
    phone: optionalText(30),
  })
  .strict()
  .meta({ id: 'UpdateStaffRequest' });
export type UpdateStaffRequest = z.infer<typeof updateStaffSchema>;

export const staffQuerySchema = z.object({
  q: text(100).optional(),
  role: z.enum(USER_ROLES).optional(),
  unitId: z.string().uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type StaffQueryRequest = z.infer<typeof staffQuerySchema>;

export const importStaffSchema = z
  .object({
    /** The file's text: a header line (username,full_name,role,unit_code,email,phone), then one account a line. */
    csv: z.string().min(1).max(1_000_000),
    /** true (the default): check every row and write nothing. */
    dryRun: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'ImportStaffRequest' });
export type ImportStaffRequest = z.infer<typeof importStaffSchema>;

// --- answers (documented in OpenAPI; the service returns these types) ---

/** A staff account as the admin pages show it: never its password hash. */
export const staffAccountSchema = z
  .object({
    ...staffIdentityShape,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    secondFactorEnrolled: z.boolean(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'StaffAccount' });
export type StaffAccount = z.infer<typeof staffAccountSchema>;

export const staffPageSchema = z.object({ items: z.array(staffAccountSchema), total: z.number().int().min(0) }).meta({ id: 'StaffPage' });

export const temporaryPasswordSchema = z
  .object({
    temporaryPassword: z.string().describe('Shown once to the admin, who hands it over; the user must change it at first sign-in'),
  })
  .meta({ id: 'TemporaryPassword' });
export type TemporaryPasswordAnswer = z.infer<typeof temporaryPasswordSchema>;

export const newStaffAccountSchema = staffAccountSchema.extend(temporaryPasswordSchema.shape).meta({ id: 'NewStaffAccount' });

export const importProblemSchema = z
  .object({
    line: z.number().int().describe('The line of the file (the header is line 1)'),
    field: z.string(),
    rule: z.string(),
    message: z.string(),
    messageVi: z.string(),
  })
  .meta({ id: 'StaffImportProblem' });
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    valid: z.number().int().min(0).describe('Rows that passed every check'),
    problems: z.array(importProblemSchema),
    created: z.array(newStaffAccountSchema).describe('Empty on a dry run'),
  })
  .meta({ id: 'StaffImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;
