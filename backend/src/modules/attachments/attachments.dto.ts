import { z } from 'zod';

// PostgreSQL's uuid syntax; anything else is a 400 naming the field, not a 500 from the cast.
export const attachmentParams = z.object({ id: z.guid('must be a UUID') });
export type AttachmentParams = z.infer<typeof attachmentParams>;

export interface UploadResponse {
  id: string;
  contentType: string;
  width: number;
  height: number;
  sizeBytes: number;
}

export const uploadResponseSchema = {
  type: 'object',
  required: ['id', 'contentType', 'width', 'height', 'sizeBytes'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'Pass it in the report to attach the photo (unclaimed uploads expire after 24 h)' },
    contentType: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/webp'] },
    width: { type: 'integer' },
    height: { type: 'integer' },
    sizeBytes: { type: 'integer', description: 'Size after re-encoding' },
  },
};
