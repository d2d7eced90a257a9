import { z } from 'zod';
import { REPORT_STATUSES, ReportStatus } from './report-status';

// The small shapes every view of a report shares, for the OpenAPI document and the types built from it.
export const categoryRefSchema = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }).meta({ id: 'CategoryRef' });
export const pointSchema = z.object({ lat: z.number(), lng: z.number() }).meta({ id: 'Point', description: 'WGS 84' });
export const reportStatusSchema = z.enum(REPORT_STATUSES as [ReportStatus, ...ReportStatus[]]).meta({ id: 'ReportStatus' });
