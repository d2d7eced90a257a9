import { z } from 'zod';

/** An Open311 attribute of a service definition (GeoReport v2 "attributes"). */
export const categoryAttributeSchema = z
  .object({
    code: z.string(),
    datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    required: z.boolean(),
    description: z.string(),
    descriptionEn: z.string(),
    order: z.number(),
    values: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string() })).optional(),
  })
  .meta({ id: 'CategoryAttribute' });
export type CategoryAttribute = z.infer<typeof categoryAttributeSchema>;

/** GET /categories: one Open311 service citizens pick from, grouped and ordered for the picker. */
export const categoryViewSchema = z
  .object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    groupCode: z.string(),
    groupVi: z.string(),
    groupEn: z.string(),
    hintVi: z.string(),
    hintEn: z.string(),
    defaultPriority: z.string(),
    handlingLevel: z.string(),
    isPublic: z.boolean(),
    attributes: z.array(categoryAttributeSchema),
  })
  .meta({ id: 'Category' });
export type CategoryView = z.infer<typeof categoryViewSchema>;
