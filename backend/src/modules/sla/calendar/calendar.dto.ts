import { z } from 'zod';
import { text } from '../../../engine/http/text.schema';
import { CALENDAR_DAY_KINDS, CalendarDayKind } from './business-calendar';
import { isIsoDate, parseMinute } from './zoned-time';

// The years the lunar conversion and the holiday rules are checked for.
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  .refine(isIsoDate, { message: 'must be a real calendar date' })
  .refine((d) => Number(d.slice(0, 4)) >= MIN_YEAR && Number(d.slice(0, 4)) <= MAX_YEAR, {
    message: `must be within ${MIN_YEAR}–${MAX_YEAR}`,
  });

const hhmm = z.string().refine((s) => parseMinute(s) !== null, { message: 'must be a time HH:mm between 00:00 and 24:00' });

export const calendarQuerySchema = z.object({ year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional() }).strict();
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

export const dayParamSchema = z.object({ date: isoDate });
export type DayParam = z.infer<typeof dayParamSchema>;

export const putDaySchema = z
  .object({
    kind: z.enum(CALENDAR_DAY_KINDS as [CalendarDayKind, ...CalendarDayKind[]]),
    name: text(200).pipe(z.string().min(1)),
  })
  .strict()
  .meta({ id: 'PutCalendarDay' });
export type PutDayRequest = z.infer<typeof putDaySchema>;

export const putHoursSchema = z
  .object({
    ranges: z
      .array(
        z
          .object({
            weekday: z.number().int().min(1).max(7),
            start: hhmm,
            end: hhmm,
          })
          .strict(),
      )
      .max(7 * 12),
  })
  .strict()
  .meta({ id: 'PutBusinessHours' });
export type PutHoursRequest = z.infer<typeof putHoursSchema>;

// --- answers (documented in OpenAPI; the service returns these types) ---

const change = { updatedAt: z.string(), updatedBy: z.string().nullable() };

export const hoursRangeViewSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 = Monday … 7 = Sunday'),
    start: z.string().describe('HH:mm'),
    end: z.string().describe('HH:mm'),
    startMinute: z.number().int(),
    endMinute: z.number().int(),
    ...change,
  })
  .meta({ id: 'BusinessHoursRange' });
export type HoursRangeView = z.infer<typeof hoursRangeViewSchema>;
export const hoursResponse = z.array(hoursRangeViewSchema);

export const calendarDayViewSchema = z
  .object({
    date: z.string().describe('YYYY-MM-DD'),
    kind: z.enum(CALENDAR_DAY_KINDS as [CalendarDayKind, ...CalendarDayKind[]]),
    name: z.string(),
    source: z.string().describe("The legal basis of a seeded entry, or 'admin' for an edit made here"),
    ...change,
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDayView = z.infer<typeof calendarDayViewSchema>;

export const calendarViewSchema = z
  .object({
    year: z.number().int(),
    timeZone: z.string(),
    hours: z.array(hoursRangeViewSchema),
    days: z.array(calendarDayViewSchema),
  })
  .meta({ id: 'CalendarView' });
export type CalendarView = z.infer<typeof calendarViewSchema>;
