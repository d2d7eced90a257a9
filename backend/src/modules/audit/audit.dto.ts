import { z } from 'zod';
import { AUDIT_EVENT_TYPES } from './audit-event.entity';

// --- answers (documented in OpenAPI; the repository returns these types) ---

export const auditEventViewSchema = z
  .object({
    id: z.string(),
    type: z.enum(AUDIT_EVENT_TYPES),
    at: z.string().describe('ISO instant'),
    actor: z.object({ id: z.string(), username: z.string(), role: z.string().nullable() }).nullable(),
    subject: z.string(),
    resultCount: z.number().int().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const auditPageSchema = z
  .object({ items: z.array(auditEventViewSchema), total: z.number().int().min(0) })
  .meta({ id: 'AuditEventPage' });
