import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { isoInstant } from '../../engine/http/text.schema';
import { ReadReplica } from '../../engine/database/read-replica';
import { Roles } from '../auth/roles.decorator';
import { InsightsFiguresService } from './insights-figures.service';
import {
  ChangeCells,
  changeQuery,
  changeResponse,
  Hotspot,
  hotspotsResponse,
  insightsFilterQuery,
  MapDataLag,
  mapDataLagResponse,
  rankingsQuery,
  rankingsResponse,
  RECURRING_RADIUS_M,
  recurringQuery,
  recurringResponse,
  RecurringLocations,
  TopIssues,
  topIssuesResponse,
  UnitRankings,
  wardDetailResponse,
  WardInsights,
  wardParams,
  WardsInsights,
  wardsResponse,
} from './insights.dto';
import { InsightsService } from './insights.service';

const topIssuesQuery = z.object({
  period: z.enum(['day', 'week']).default('day'),
  at: isoInstant().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

const hotspotsQuery = z.object({
  from: isoInstant(),
  to: isoInstant(),
  category: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});

/**
 * The leaders' dashboard: city-wide figures, so city-wide roles only. The figures take the same
 * filters (from, to, group, category, unit); definitions in docs/architecture.md, "Insight endpoints".
 */
@ApiTags('insights')
@ApiBearerAuth()
@Roles('leader', 'admin')
@Controller('api/v1/insights')
export class InsightsController {
  constructor(
    private readonly insights: InsightsService,
    private readonly figures: InsightsFiguresService,
    private readonly replica: ReadReplica,
  ) {}

  /** How old the data behind the maps and these figures may be: the read replica's lag, when one is used. */
  @Get('map-data-lag')
  @ApiOkResponse({ standardSchema: mapDataLagResponse })
  mapDataLag(): Promise<MapDataLag> {
    return this.replica.lag();
  }

  /** The top issues (category × ~500 m cell) of the local day or ISO week containing `at`. */
  @Get('top-issues')
  @ApiOkResponse({ standardSchema: topIssuesResponse })
  topIssues(@Query({ schema: topIssuesQuery }) q: z.infer<typeof topIssuesQuery>): Promise<TopIssues> {
    return this.insights.topIssues({ period: q.period, limit: q.limit, at: q.at ? new Date(q.at) : undefined });
  }

  /** Cells whose report counts are significantly high (Getis–Ord Gi*, z ≥ 1.96), highest z first, at most 200. */
  @Get('hotspots')
  @ApiOkResponse({ standardSchema: hotspotsResponse })
  hotspots(@Query({ schema: hotspotsQuery }) q: z.infer<typeof hotspotsQuery>): Promise<Hotspot[]> {
    return this.insights.hotspots({ from: new Date(q.from), to: new Date(q.to), category: q.category });
  }

  /** Every current ward (all 168, zeros included): received, resolved, on-time rate, backlog, overdue, reports per 10,000 residents. */
  @Get('wards')
  @ApiOkResponse({ standardSchema: wardsResponse, description: 'The ward choropleth figures, by ward code' })
  wards(@Query({ schema: insightsFilterQuery }) q: z.infer<typeof insightsFilterQuery>): Promise<WardsInsights> {
    return this.figures.wards(q);
  }

  /** One ward: its figures, median resolution time, citizens' ratings and backlog by category. */
  @Get('wards/:code')
  @ApiOkResponse({ standardSchema: wardDetailResponse })
  @ApiNotFoundResponse({ description: '`insights.unknown_ward`: no current ward has this code' })
  ward(
    @Param({ schema: wardParams }) p: z.infer<typeof wardParams>,
    @Query({ schema: insightsFilterQuery }) q: z.infer<typeof insightsFilterQuery>,
  ): Promise<WardInsights> {
    return this.figures.ward(p.code, q);
  }

  /**
   * Handling units ranked as the city publishes them: on-time rate, then mean rating; units that
   * resolved nothing in the period last, unranked.
   */
  @Get('rankings')
  @ApiOkResponse({ standardSchema: rankingsResponse })
  rankings(@Query({ schema: rankingsQuery }) q: z.infer<typeof rankingsQuery>): Promise<UnitRankings> {
    return this.figures.rankings(q);
  }

  /**
   * Places where the same problem came back: a report filed in the period within 50 m (RECURRING_RADIUS_M) of an
   * earlier report of the same category that had been resolved or closed at most `days` days
   * before. Chains of such reports, longest first, at most 200.
   */
  @Get('recurring')
  @ApiOkResponse({ standardSchema: recurringResponse, description: `Same category within ${RECURRING_RADIUS_M} m on the ground` })
  recurring(@Query({ schema: recurringQuery }) q: z.infer<typeof recurringQuery>): Promise<RecurringLocations> {
    return this.figures.recurring(q);
  }

  /** Reports per 500 m cell in this period against the previous one of equal length (cells with none in either left out). */
  @Get('change')
  @ApiOkResponse({ standardSchema: changeResponse })
  change(@Query({ schema: changeQuery }) q: z.infer<typeof changeQuery>): Promise<ChangeCells> {
    return this.figures.change(q);
  }
}
