import { z } from 'zod';
import { wardRefSchema } from '../geo/geo.dto';
import { categoryRefSchema, pointSchema, reportStatusSchema } from '../report-record/report-refs.dto';
import { TICKET_ACTIONS } from './ticket-state-machine';

/** The answer to every action on a ticket: its new state and what may be done from there. */
export const actionResultSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    status: reportStatusSchema,
    version: z.number().int(),
    allowedActions: z.array(z.enum(TICKET_ACTIONS)),
  })
  .meta({ id: 'TicketActionResult' });
export type ActionResult = z.infer<typeof actionResultSchema>;

export const noteResultSchema = z.object({ id: z.string() }).meta({ id: 'TicketNoteResult' });

/** GET /units/:id/queue: one open ticket of the unit, most urgent deadline first. */
export const queueItemSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    status: z.string(),
    priority: z.string(),
    category: categoryRefSchema,
    ward: wardRefSchema,
    location: pointSchema.describe("The reported point, for the workbench's map of the queue"),
    createdAt: z.string(),
    responseDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
    slaState: z.enum(['running', 'paused', 'stopped']).nullable(),
  })
  .meta({ id: 'QueueItem' });
export type QueueItem = z.infer<typeof queueItemSchema>;
