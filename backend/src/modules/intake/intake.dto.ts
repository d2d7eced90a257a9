import { z } from 'zod';
import { text } from '../../engine/http/text.schema';
import { atMostAttributes } from './report-attributes';

export { text };
import { REPORT_CHANNELS, ReportChannel } from '../report-record/report.entity';
import { wardRefSchema } from '../geo/geo.dto';
import { categoryRefSchema } from '../report-record/report-refs.dto';

// Vietnamese mobile and landline numbers, as typed: +84 / 84 / 0 followed by 9–10 digits.
export const phoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.\-()]/g, ''))
  .pipe(z.string().regex(/^(\+?84|0)\d{9,10}$/, { message: 'must be a Vietnamese phone number, e.g. 0901234567' }))
  .transform(normalizePhone);

/** One canonical form (0xxxxxxxxx) so that a caller's history finds every earlier report. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return digits.startsWith('84') ? `0${digits.slice(2)}` : digits;
}

export const reporterSchema = z
  .object({
    name: text(200).min(1).optional(),
    phone: phoneSchema.optional(),
    email: z.string().trim().max(254).email().optional(),
    hideIdentity: z.boolean().default(false),
  })
  .strict();

export const MAX_PHOTOS = 5;

export const createReportSchema = z
  .object({
    category: text(64).pipe(z.string().min(1)),
    lat: z.number().finite().min(-90).max(90),
    lng: z.number().finite().min(-180).max(180),
    description: text(5000).min(5),
    address: text(500).optional(),
    channel: z.enum(REPORT_CHANNELS.filter((c) => c !== 'import') as [ReportChannel, ...ReportChannel[]]).default('web'),
    reporter: reporterSchema.optional(),
    attributes: z
      .record(text(64).min(1), z.union([text(1000), z.number().finite(), z.boolean(), z.array(text(200)).max(50)]))
      .superRefine(atMostAttributes)
      .optional(),
    photos: z.array(z.string().uuid()).max(MAX_PHOTOS).optional(),
    consent: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'CreateReportRequest' });

export type CreateReportRequest = z.infer<typeof createReportSchema>;

/** What every channel hands to the intake service, after its own parsing. */
export interface IntakeInput {
  categoryCode: string;
  lat: number;
  lng: number;
  description: string;
  address?: string;
  channel: ReportChannel;
  reporter?: { name?: string; phone?: string; email?: string; hideIdentity: boolean };
  attributes?: Record<string, unknown>;
  /** An Open311 client's link to its own photo, kept among the attributes (never fetched). */
  mediaUrl?: string;
  photoUploadIds?: string[];
  /** When the report happened, for imports of historical data; otherwise now. */
  createdAt?: Date;
}

export interface IntakeContext {
  /** The signed-in user filing it (an operator logging a call), or none for citizens. */
  actor?: { userId: string; role: string } | null;
  /** Idempotency-Key header (app API) or Open311 token; scoped to the actor. */
  idempotencyKey?: string;
}

export const intakeResultSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.string(),
  channel: z.enum(REPORT_CHANNELS as [ReportChannel, ...ReportChannel[]]),
  category: categoryRefSchema,
  ward: wardRefSchema,
  createdAt: z.string(),
  trackingUrl: z.string(),
});
export type IntakeResult = z.infer<typeof intakeResultSchema>;

/**
 * The answer to the filer: the report plus, this once, the reporter's secret and private link
 * (invariant 7). Only the secret's hash is stored; a replay of the same filing rotates it.
 */
export const filedReportSchema = intakeResultSchema
  .extend({
    reporterSecret: z.string().describe('Given once: acting on the report needs it (the tracking code alone only reads)'),
    reporterUrl: z.string().describe('The private link (a path; the secret is in its fragment)'),
  })
  .meta({ id: 'FiledReport' });
export type FiledReport = z.infer<typeof filedReportSchema>;

const reportSummary = { id: z.string(), code: z.string(), status: z.string(), category: categoryRefSchema, ward: wardRefSchema };

/** GET /reports/duplicates: a recent report of the same group nearby, most likely first. */
export const duplicateCandidateSchema = z
  .object({
    ...reportSummary,
    description: z.string(),
    address: z.string().nullable(),
    createdAt: z.string(),
    distanceM: z.number(),
    score: z.number(),
  })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** GET /callers/:phone/reports: a report the caller filed or called about. */
export const callerReportSchema = z
  .object({ ...reportSummary, createdAt: z.string(), relation: z.enum(['reporter', 'caller']) })
  .meta({ id: 'CallerReport' });
export type CallerReport = z.infer<typeof callerReportSchema>;

/** POST /reports/:id/callers: one more caller about a report already filed. */
export const attachedCallSchema = z
  .object({ id: z.string(), code: z.string(), followerCount: z.number().int() })
  .meta({ id: 'AttachedCall' });
