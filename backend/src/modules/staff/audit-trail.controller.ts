import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { isoInstant, text } from '../../engine/http/text.schema';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { AUDIT_EVENT_TYPES } from '../audit/audit-event.entity';
import { AuditEventView, auditPageSchema } from '../audit/audit.dto';
import { AuditService } from '../audit/audit.service';
import { StaffApi } from '../auth/staff-route.decorator';

const auditQuery = z.object({
  /** A username (any spelling of it) or nothing. */
  actor: text(100).optional(),
  /** One type, or several separated by commas. */
  type: z
    .string()
    .max(1000)
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(AUDIT_EVENT_TYPES)))
    .optional(),
  subject: text(200).optional(),
  from: isoInstant().optional(),
  to: isoInstant().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

// Beside the staff pages rather than in the audit module, which every module (auth included) writes
// through and which therefore imports none of them.
@StaffApi('admin', 'api/v1/admin/audit', 'admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The trail, newest first; this reading is itself recorded (audit_read). */
  @Get()
  @ApiOkResponse({ standardSchema: auditPageSchema })
  list(
    @Query({ schema: auditQuery }) q: z.infer<typeof auditQuery>,
    @CurrentPrincipal() p: Principal,
  ): Promise<{ items: AuditEventView[]; total: number }> {
    return this.audit.read(p, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });
  }
}
