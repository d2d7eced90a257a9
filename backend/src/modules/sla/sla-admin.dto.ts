import { z } from 'zod';
import { PRIORITIES } from '../categories/category.entity';

// --- answers (documented in OpenAPI; the services return these types) ---

export const slaPolicyViewSchema = z
  .object({
    id: z.number().int(),
    category: z.string().nullable().describe('null: the default for every category'),
    priority: z.enum(PRIORITIES),
    responseMinutes: z.number().int(),
    resolutionMinutes: z.number().int(),
    mode: z.enum(['business', 'calendar']),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'SlaPolicy' });
export type SlaPolicyView = z.infer<typeof slaPolicyViewSchema>;
export const slaPoliciesResponse = z.array(slaPolicyViewSchema);

/** A repair of every live deadline, queued. */
export const repairJobResponse = z.object({ jobId: z.string() }).meta({ id: 'SlaRepairJob' });

export const createdPolicyResponse = z.object({ id: z.number().int() }).meta({ id: 'CreatedSlaPolicy' });

export const onTimeRowSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    resolved: z.number().int(),
    onTime: z.number().int(),
    rate: z.number().nullable().describe('On-time rate as the city publishes it: resolved on time ÷ resolved (null when none resolved)'),
    rated: z.number().int().describe("Citizens' ratings (1–5) of the answers in the group: how many"),
    satisfaction: z.number().nullable().describe('Their mean; null when none rated'),
  })
  .meta({ id: 'OnTimeRow' });
export type OnTimeRow = z.infer<typeof onTimeRowSchema>;
export const onTimeResponse = z.array(onTimeRowSchema);
