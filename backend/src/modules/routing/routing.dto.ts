import { z } from 'zod';
import { isoInstant, text } from '../../engine/http/text.schema';

export const transferSchema = z
  .object({ unitId: z.string().uuid(), reason: text(1000).pipe(z.string().min(3)) })
  .strict()
  .meta({ id: 'TransferRequest' });

export const reclassifySchema = z
  .object({
    category: text(64).optional(),
    lat: z.number().finite().min(-90).max(90).optional(),
    lng: z.number().finite().min(-180).max(180).optional(),
    reason: text(1000).pipe(z.string().min(3)),
  })
  .strict()
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), { message: 'lat and lng go together', path: ['lng'] })
  .refine((b) => b.category !== undefined || b.lat !== undefined, {
    message: 'change the category, the point, or both',
    path: ['category'],
  })
  .meta({ id: 'ReclassifyRequest' });

export const createRuleSchema = z
  .object({
    category: text(64).pipe(z.string().min(1)),
    wardCode: z
      .string()
      .regex(/^\d{5}$/)
      .nullable()
      .default(null),
    unitId: z.string().uuid(),
    validFrom: isoInstant().optional(),
    note: text(1000).default(''),
  })
  .strict()
  .meta({ id: 'CreateRoutingRuleRequest' });

export const rulesQuery = z.object({
  category: text(64).optional(),
  wardCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  active: z.enum(['true', 'false']).optional(),
});

/** The answer to a transfer: the ticket and the unit it now belongs to. */
export const transferResultSchema = z.object({ id: z.string(), assignedUnitId: z.string() }).meta({ id: 'TransferResult' });

// --- answers (documented in OpenAPI; the service returns these types) ---

export const routingRuleViewSchema = z
  .object({
    id: z.number().int(),
    category: z.string(),
    wardCode: z.string().nullable().describe('null: the rule applies city-wide'),
    unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    note: z.string(),
  })
  .meta({ id: 'RoutingRule' });
export type RoutingRuleView = z.infer<typeof routingRuleViewSchema>;
export const routingRulesResponse = z.array(routingRuleViewSchema);

export const createdRuleResponse = z.object({ id: z.number().int() }).meta({ id: 'CreatedRoutingRule' });
export const closedRuleResponse = z.object({ id: z.number().int(), closed: z.literal(true) }).meta({ id: 'ClosedRoutingRule' });
