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
// --- answers (documented in OpenAPI; the repository writes GET /geo/wards in SQL, this describes it) ---

const position = z.array(z.number()).describe('[lng, lat] in WGS84 degrees, 6 decimals');
const polygon = z.array(z.array(position));

export const wardPropertiesSchema = z
  .object({
    code: z.string().describe('The official 5-digit code'),
    name: z.string(),
    shortName: z.string(),
    kind: z.enum(['phuong', 'xa', 'dac_khu', 'thi_tran']),
    population: z.number().int().nullable(),
    areaKm2: z.number().nullable(),
    labelLng: z.number(),
    labelLat: z.number(),
    validFrom: z.string().describe('YYYY-MM-DD'),
  })
  .meta({ id: 'WardProperties' });

export const wardFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string(),
    properties: wardPropertiesSchema,
    geometry: z.discriminatedUnion('type', [
      z.object({ type: z.literal('Polygon'), coordinates: polygon }),
      z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon) }),
    ]),
  })
  .meta({ id: 'WardFeature' });

export const wardsCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(wardFeatureSchema) })
  .meta({ id: 'WardFeatureCollection' });
