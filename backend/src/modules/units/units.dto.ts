import { z } from 'zod';

/** GET /units: a handling unit (ward committee, department, utility, the city). */
export const unitViewSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    kind: z.enum(['ward_committee', 'department', 'utility', 'city']),
    wardCode: z.string().nullable(),
    parentId: z.string().nullable(),
  })
  .meta({ id: 'HandlingUnit' });
export type UnitView = z.infer<typeof unitViewSchema>;
export const unitsResponse = z.array(unitViewSchema);
