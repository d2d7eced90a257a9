import { z } from 'zod';

/** A current ward (or commune) as other answers name it: its official code and name. */
export const wardRefSchema = z.object({ code: z.string(), name: z.string() }).meta({ id: 'WardRef' });

/** One hit of GET /geo/search: lng/lat is the label point of the current unit. */
export const wardSearchHitSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    districtName: z.string().nullable(),
    matched: z.string().describe('The name the query matched, e.g. an old "Phường 7, Quận 5" that now lies in "Phường An Đông"'),
    current: z.boolean(),
    lng: z.number(),
    lat: z.number(),
  })
  .meta({ id: 'WardSearchHit' });
export type WardSearchHit = z.infer<typeof wardSearchHitSchema>;

/** GET /geo/locate: the current unit containing the point. */
export const locatedPointSchema = z.object({ ward: wardRefSchema }).meta({ id: 'LocatedPoint' });
export type LocatedPoint = z.infer<typeof locatedPointSchema>;
