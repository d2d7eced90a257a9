import { z } from 'zod';
import { wardRefSchema } from '../geo/geo.dto';
import { categoryRefSchema, pointSchema } from '../report-record/report-refs.dto';
import { CITIZEN_ACTIONS } from '../tickets/citizen-actions';
import { TICKET_ACTIONS } from '../tickets/ticket-state-machine';

// The answers of the report views: what the repository reads, and what the API adds to it.

const timelineEntry = {
  type: z.string(),
  at: z.string().describe('ISO instant'),
  status: z.string().nullable(),
  message: z.string().nullable(),
};
export const timelineEntrySchema = z.object(timelineEntry).meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
const photoSchema = z.object({ id: z.string(), url: z.string(), width: z.number(), height: z.number() }).meta({ id: 'ReportPhoto' });

const reportView = {
  code: z.string(),
  status: z.string(),
  mergedInto: z
    .object({ code: z.string(), status: z.string() })
    .nullable()
    .describe("A duplicate merged into another ticket follows it: the master's code and status"),
  category: categoryRefSchema,
  ward: wardRefSchema,
  assignedUnit: z.object({ name: z.string(), nameEn: z.string(), kind: z.string() }).nullable(),
  address: z.string().nullable(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  followerCount: z.number().int(),
  photos: z.array(photoSchema),
};

export const publicReportViewSchema = z.object({ ...reportView, timeline: z.array(timelineEntrySchema) });
export type PublicReportView = z.infer<typeof publicReportViewSchema>;

export const citizenActionSchema = z.enum(CITIZEN_ACTIONS).meta({ id: 'CitizenAction' });
export const ticketActionSchema = z.enum(TICKET_ACTIONS).meta({ id: 'TicketStateAction' });

export const trackedReportSchema = publicReportViewSchema
  .extend({
    asReporter: z.boolean().describe('Whether the request carried a secret that acts on this ticket'),
    allowedActions: z
      .array(citizenActionSchema)
      .describe('What the reporter may do now; empty without their secret (the page is then read-only)'),
  })
  .meta({ id: 'TrackedReport' });
export type TrackedReport = z.infer<typeof trackedReportSchema>;

export const reporterContactSchema = z
  .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), hideIdentity: z.boolean() })
  .nullable()
  .meta({ id: 'ReporterContact', description: 'Null for roles that may not read it' });

export const staffTimelineEntrySchema = z
  .object({
    ...timelineEntry,
    id: z.string(),
    isPublic: z.boolean(),
    actor: z.object({ username: z.string(), fullName: z.string() }).nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'StaffTimelineEntry' });

export const slaClockSchema = z
  .object({ kind: z.string(), cycle: z.number().int(), state: z.string(), dueAt: z.string().nullable(), nextStage: z.string().nullable() })
  .meta({ id: 'SlaClock' });

/** A report as the repository reads it for staff. */
const staffReportRecordSchema = z.object({
  ...reportView,
  id: z.string(),
  priority: z.string(),
  channel: z.string(),
  location: pointSchema,
  attributes: z.record(z.string(), z.unknown()),
  assignedUnit: z.object({ id: z.string(), name: z.string(), nameEn: z.string(), kind: z.string() }).nullable(),
  assignedUnitId: z.string().nullable(),
  reporter: reporterContactSchema,
  version: z.number().int(),
  sla: z.array(slaClockSchema),
  timeline: z.array(staffTimelineEntrySchema),
});
export type StaffReportRecord = z.infer<typeof staffReportRecordSchema>;

/** GET /reports/:id: the report and what the reader may do with it, decided here rather than by each client. */
export const staffReportSchema = staffReportRecordSchema
  .extend({
    allowedActions: z.array(ticketActionSchema).describe("The ticket state machine's actions from the current status"),
    transferable: z.boolean().describe('Whether the ticket may still be transferred to another unit (it is not finished)'),
    callersAttachable: z.boolean().describe('Whether the call centre may still attach a caller to it (it is open)'),
    reporterActions: z
      .array(citizenActionSchema)
      .optional()
      .describe('For the call centre: what the reporter may do, which an operator may do for them on the phone'),
  })
  .meta({ id: 'StaffReport' });
export type StaffReport = z.infer<typeof staffReportSchema>;

export const revealedReporterSchema = z.object({ reporter: reporterContactSchema }).meta({ id: 'RevealedReporter' });
