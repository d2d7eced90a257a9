import { z } from 'zod';
import { text } from '../../engine/http/text.schema';
import { phoneSchema } from '../intake/intake.dto';
import { PRIVACY_REQUEST_CHANNELS, PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_STATUSES } from './privacy-request-rules';

/** The header that carries a data subject's access token. */
export const PRIVACY_ACCESS_HEADER = 'x-privacy-access';

const email = z.string().trim().max(254).email();

// Citizen side.

export const verificationCodeRequestSchema = z.object({ email }).strict().meta({ id: 'PrivacyVerificationCodeRequest' });
export type VerificationCodeRequest = z.infer<typeof verificationCodeRequestSchema>;

export const verificationCodeSentSchema = z.object({ sent: z.literal(true) }).meta({ id: 'PrivacyVerificationCodeSent' });

/** Either the reporter's private link (tracking code + secret) or an e-mail address with its code. */
export const privacyAccessRequestSchema = z
  .object({
    trackingCode: text(40).pipe(z.string().min(1)).optional(),
    secret: z.string().max(100).optional(),
    email: email.optional(),
    code: z.string().trim().max(20).optional(),
  })
  .strict()
  .meta({ id: 'PrivacyAccessRequest' });
export type PrivacyAccessRequest = z.infer<typeof privacyAccessRequestSchema>;

export const privacyAccessGrantSchema = z
  .object({ accessToken: z.string(), expiresAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'PrivacyAccessGrant' });
export type PrivacyAccessGrant = z.infer<typeof privacyAccessGrantSchema>;

/** A registered personal column's value, by column name (engine/privacy/personal-data-registry.ts). */
const personalColumns = z.record(z.string(), z.unknown());

export const personalDataExportSchema = z
  .object({
    generatedAt: z.iso.datetime({ offset: true }),
    subject: z.object({ phones: z.array(z.string()), emails: z.array(z.string()) }),
    reports: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        channel: z.string(),
        status: z.string(),
        category: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
        createdAt: z.iso.datetime({ offset: true }),
        updatedAt: z.iso.datetime({ offset: true }),
        /** Every registered personal column of `report`, by name: contact, description, address, answers, point. */
        personal: personalColumns,
        /** The subject's own entries of the timeline (replies, objections, ratings). */
        timeline: z.array(
          z.object({
            type: z.string(),
            createdAt: z.iso.datetime({ offset: true }),
            message: z.string().nullable(),
            isPublic: z.boolean(),
            /** The registered free text of the entry (report_event_personal): the message, a rating's comment. */
            personal: personalColumns,
          }),
        ),
        photos: z.array(
          z.object({
            id: z.uuid(),
            contentType: z.string(),
            sizeBytes: z.number().int(),
            createdAt: z.iso.datetime({ offset: true }),
            /** The photo itself (GET). */
            url: z.string(),
          }),
        ),
      }),
    ),
    /** Calls about a report an operator recorded for this phone number. */
    callerRecords: z.array(z.object({ reportCode: z.string(), createdAt: z.iso.datetime({ offset: true }), personal: personalColumns })),
    /** Messages sent to the subject's phone or address. */
    notifications: z.array(
      z.object({
        reportCode: z.string().nullable(),
        channel: z.string(),
        template: z.string(),
        status: z.string(),
        createdAt: z.iso.datetime({ offset: true }),
        sentAt: z.iso.datetime({ offset: true }).nullable(),
        personal: personalColumns,
      }),
    ),
    /** Earlier requests about this person's data (access, erasure), as handled. */
    privacyRequests: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(PRIVACY_REQUEST_KINDS),
        channel: z.enum(PRIVACY_REQUEST_CHANNELS),
        status: z.enum(PRIVACY_REQUEST_STATUSES),
        receivedAt: z.iso.datetime({ offset: true }),
        handledAt: z.iso.datetime({ offset: true }).nullable(),
      }),
    ),
  })
  .meta({ id: 'PersonalDataExport' });
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

export const myDataQuerySchema = z.object({ format: z.enum(['json', 'html']).default('json') }).strict();

export const erasureRequestSchema = z
  .object({ confirm: z.literal(true) })
  .strict()
  .meta({ id: 'PrivacyErasureRequest' });

export const erasureAcceptedSchema = z
  .object({ requestId: z.uuid(), status: z.enum(PRIVACY_REQUEST_STATUSES) })
  .meta({ id: 'PrivacyErasureAccepted' });
export type ErasureAccepted = z.infer<typeof erasureAcceptedSchema>;

// Staff side.

export const privacyRequestListQuerySchema = z
  .object({
    status: z.enum(PRIVACY_REQUEST_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type PrivacyRequestListQuery = z.infer<typeof privacyRequestListQuerySchema>;

export const privacyRequestViewSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(PRIVACY_REQUEST_KINDS),
    channel: z.enum(PRIVACY_REQUEST_CHANNELS),
    status: z.enum(PRIVACY_REQUEST_STATUSES),
    receivedAt: z.iso.datetime({ offset: true }),
    /** receivedAt + PRIVACY_REQUEST_RESPONSE_HOURS (Decree 13/2023 art. 9, 14, 16). */
    dueAt: z.iso.datetime({ offset: true }),
    overdue: z.boolean(),
    handledAt: z.iso.datetime({ offset: true }).nullable(),
    /** The subject's phones, addresses and name while the request is open; empty once it is handled. */
    subject: z.object({ phones: z.array(z.string()), emails: z.array(z.string()), name: z.string().nullable() }),
    identityCheck: z.string().nullable(),
    reason: z.string(),
    rejectReason: z.string().nullable(),
    /** What an erasure did (counts only), or what an access answer held. */
    outcome: z.record(z.string(), z.number()).nullable(),
    loggedBy: z.string().nullable(),
    handledBy: z.string().nullable(),
  })
  .meta({ id: 'PrivacyRequest' });
export type PrivacyRequestView = z.infer<typeof privacyRequestViewSchema>;

export const privacyRequestPageSchema = z
  .object({ items: z.array(privacyRequestViewSchema), total: z.number().int() })
  .meta({ id: 'PrivacyRequestPage' });
export type PrivacyRequestPage = z.infer<typeof privacyRequestPageSchema>;

export const newPrivacyRequestSchema = z
  .object({
    kind: z.enum(PRIVACY_REQUEST_KINDS),
    channel: z.enum(['phone', 'letter', 'in_person']),
    phones: z.array(phoneSchema).max(10).default([]),
    emails: z.array(email).max(10).default([]),
    name: text(200).pipe(z.string().min(1)).optional(),
    /** How the person's identity was checked (an ID card seen at the desk, the call-back number): required. */
    identityCheck: text(1000).pipe(z.string().min(5)),
    /** Why (the person's own words, the letter's reference): required. */
    reason: text(2000).pipe(z.string().min(5)),
  })
  .strict()
  .meta({ id: 'NewPrivacyRequest' });
export type NewPrivacyRequest = z.infer<typeof newPrivacyRequestSchema>;

export const rejectPrivacyRequestSchema = z
  .object({ reason: text(2000).pipe(z.string().min(5)) })
  .strict()
  .meta({ id: 'RejectPrivacyRequest' });
