import { z } from 'zod';

// --- answers (documented in OpenAPI; the aggregator publishes this type) ---

/** What the aggregator announces after each pass that changed something: the data of one `reports` event. */
export const liveReportsEventSchema = z
  .object({
    generation: z.number().int().describe('The tiles to fetch: add it to the tile URL as `g`'),
    changed: z.number().int().min(0).describe('Reports new or changed in the pass'),
    at: z.string().describe('ISO instant of the pass'),
  })
  .meta({ id: 'LiveReportsEvent' });
export type LiveReportsEvent = z.infer<typeof liveReportsEventSchema>;
