import { z } from 'zod';
import { isoInstant } from '../../engine/http/text.schema';
import type { HandlingUnitKind } from '../units/handling-unit.entity';

const code = '[a-z0-9-]+';
const HANDLING_UNIT_KINDS: [HandlingUnitKind, ...HandlingUnitKind[]] = ['ward_committee', 'department', 'utility', 'city'];

/** The filters every leaders' figure takes, applied the same way everywhere. */
export const insightsFilterQuery = z.object({
  from: isoInstant().optional().describe('Start of the period (inclusive); default 30 days before `to`. At most 366 days.'),
  to: isoInstant().optional().describe('End of the period (exclusive); default now.'),
  group: z
    .string()
    .max(64)
    .regex(new RegExp(`^${code}$`))
    .optional()
    .describe('Category group code'),
  category: z
    .string()
    .max(1000)
    .regex(new RegExp(`^${code}(,${code})*$`))
    .optional()
    .describe('Comma-separated category codes'),
  unit: z.guid().optional().describe('Handling unit id: reports currently assigned to it'),
});
export type InsightsFilterQuery = z.infer<typeof insightsFilterQuery>;

export const wardParams = z.object({ code: z.string().regex(/^\d{5}$/, { message: 'must be a 5-digit ward code' }) });

export const rankingsQuery = insightsFilterQuery.extend({
  kind: z.enum(HANDLING_UNIT_KINDS).optional().describe('Only units of this kind'),
});

export const RECURRING_RADIUS_M = 50;
export const recurringQuery = insightsFilterQuery.extend({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe('A report counts as recurring when filed within this many days after an earlier one there was resolved or closed'),
});

export const changeQuery = insightsFilterQuery.omit({ from: true, to: true }).extend({
  period: z
    .enum(['day', 'week', 'month'])
    .default('week')
    .describe('Rolling 24 hours, 7 days or 30 days, against the same length just before'),
  at: isoInstant().optional().describe('End of the current period; default now'),
});

export const publicCellQuery = z.object({
  lat: z.coerce.number().min(-85).max(85),
  lng: z.coerce.number().min(-180).max(180),
  z: z.coerce.number().int().min(0).max(22).describe('Zoom of the public map: the cell is the public tile cell at this zoom'),
});

// --- answers (documented in OpenAPI; the service returns these types) ---

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable().describe('resolvedOnTime ÷ resolved; null when nothing was resolved');
const satisfaction = z
  .object({ average: z.number().min(1).max(5).nullable().describe('Mean rating 1–5 of the answers; null when none rated'), count })
  .meta({ id: 'InsightsSatisfaction' });
const period = { from: z.string().describe('ISO instant'), to: z.string().describe('ISO instant') };

const figures = {
  received: count.describe('Reports filed in the period (rejected ones excluded)'),
  resolved: count.describe('Reports resolved in the period with an SLA verdict (a reopened report counts at its last resolution)'),
  resolvedOnTime: count.describe('Of those, resolved within their resolution deadline'),
  onTimeRate: rate,
  backlog: count.describe('Reports open now, whenever filed (the period does not apply; the other filters do)'),
  overdue: count.describe('Of the backlog, past their resolution deadline now'),
};

export const wardFiguresSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    population: z.number().int().nullable(),
    ...figures,
    per10k: z.number().nullable().describe('received per 10,000 residents; null without a population'),
  })
  .meta({ id: 'WardFigures' });
export const wardsResponse = z.object({ ...period, wards: z.array(wardFiguresSchema) }).meta({ id: 'WardsInsights' });
export type WardFigures = z.infer<typeof wardFiguresSchema>;
export type WardsInsights = z.infer<typeof wardsResponse>;

export const wardDetailResponse = z
  .object({
    code: z.string(),
    name: z.string(),
    population: z.number().int().nullable(),
    ...period,
    ...figures,
    medianResolveHours: z
      .number()
      .nullable()
      .describe('Median hours from filing to resolution of the reports resolved in the period; null when none'),
    satisfaction,
    backlogByCategory: z
      .array(z.object({ category: z.string(), name: z.string(), nameEn: z.string(), count }))
      .describe('The backlog by category, largest first'),
  })
  .meta({ id: 'WardInsights' });
export type WardInsights = z.infer<typeof wardDetailResponse>;

export const unitRankingSchema = z
  .object({
    unitId: z.string(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    kind: z.enum(HANDLING_UNIT_KINDS),
    received: count.describe('Reports filed in the period and assigned to the unit now'),
    resolved: figures.resolved,
    resolvedOnTime: figures.resolvedOnTime,
    onTimeRate: rate,
    satisfaction,
    rank: z.number().int().min(1).nullable().describe('1 = best; equal rate and rating share a rank; null when nothing resolved'),
  })
  .meta({ id: 'UnitRanking' });
export const rankingsResponse = z.object({ ...period, units: z.array(unitRankingSchema) }).meta({ id: 'UnitRankings' });
export type UnitRanking = z.infer<typeof unitRankingSchema>;
export type UnitRankings = z.infer<typeof rankingsResponse>;

export const recurringResponse = z
  .object({
    days: z.number().int(),
    radiusM: z.number().describe('Two reports are at the same place when within this many metres on the ground'),
    ...period,
    locations: z.array(
      z.object({
        lat: z.number(),
        lng: z.number(),
        category: z.string(),
        categoryName: z.string(),
        wardCode: z.string(),
        occurrences: z.number().int().min(2).describe('Reports in the chain'),
        lastClosedAt: z.string(),
        lastReportedAt: z.string(),
        codes: z.array(z.string()).describe('Tracking codes, oldest first'),
      }),
    ),
  })
  .meta({ id: 'RecurringLocations' });
export type RecurringLocations = z.infer<typeof recurringResponse>;

export const changeResponse = z
  .object({
    period: z.enum(['day', 'week', 'month']),
    current: z.object(period),
    previous: z.object(period),
    cellM: z.number(),
    cells: z.array(z.object({ lat: z.number(), lng: z.number(), current: count, previous: count, delta: z.number().int() })),
  })
  .meta({ id: 'ChangeCells' });
export type ChangeCells = z.infer<typeof changeResponse>;

export const mapDataLagResponse = z
  .union([
    z.object({ replica: z.literal(false).describe('Maps and figures read the primary: they are current') }),
    z.object({
      replica: z.literal(true).describe('Maps and figures read a streaming replica (DATABASE_READ_URL)'),
      seconds: z.number().nullable().describe('How far behind the replica is, in seconds; null when it is no standby'),
      bytes: z.number().int().nullable().describe('WAL bytes written on the primary and not replayed on the replica yet'),
    }),
  ])
  .meta({ id: 'MapDataLag' });
export type MapDataLag = z.infer<typeof mapDataLagResponse>;

export const publicCellResponse = z
  .union([
    z.object({ hidden: z.literal(true) }),
    z.object({
      hidden: z.literal(false),
      ...period,
      cellM: z.number().describe('Side of the public cell in Web-Mercator metres'),
      total: count,
      categories: z
        .array(z.object({ category: z.string(), name: z.string(), nameEn: z.string(), count }))
        .describe('Categories with at least 5 reports in the cell'),
      others: count.describe('Reports of categories with fewer than 5 in the cell, not named'),
    }),
  ])
  .meta({ id: 'PublicCellInsights' });
export type PublicCellInsights = z.infer<typeof publicCellResponse>;

export const publicWardsResponse = z
  .object({
    ...period,
    wards: z.array(z.object({ code: z.string(), name: z.string(), received: count, resolved: count, onTimeRate: rate })),
  })
  .meta({ id: 'PublicWardsInsights' });
export type PublicWardsInsights = z.infer<typeof publicWardsResponse>;

const cell = z.object({ lng: z.number(), lat: z.number() }).meta({ id: 'InsightsCell' });

export const topIssueSchema = z
  .object({
    rank: z.number().int().min(1),
    category: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
    ward: z.object({ code: z.string(), name: z.string() }),
    cell,
    count,
    previousCount: count,
    growth: z
      .object({ delta: z.number().int(), ratio: z.number().nullable() })
      .describe('delta = count − previousCount; ratio = count ÷ previousCount (null when nothing before)'),
    trend: z.array(count).describe('Reports per hour (period=day) or per local day (period=week), oldest first'),
  })
  .meta({ id: 'TopIssue' });
export type TopIssue = z.infer<typeof topIssueSchema>;
export const topIssuesResponse = z
  .object({ period: z.enum(['day', 'week']), ...period, previousFrom: z.string(), items: z.array(topIssueSchema) })
  .meta({ id: 'TopIssues' });
export type TopIssues = z.infer<typeof topIssuesResponse>;

export const hotspotSchema = z.object({ cell, count, z: z.number() }).meta({ id: 'Hotspot' });
export type Hotspot = z.infer<typeof hotspotSchema>;
export const hotspotsResponse = z.array(hotspotSchema);
