import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { isoInstant } from '../../engine/http/text.schema';
import { Roles } from '../auth/roles.decorator';
import { Hotspot, InsightsService, TopIssues } from './insights.service';

const topIssuesQuery = z.object({
  period: z.enum(['day', 'week']).default('day'),
  at: isoInstant().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

const hotspotsQuery = z.object({
  from: isoInstant(),
  to: isoInstant(),
  category: z.string().max(64).regex(/^[a-z0-9-]+$/).optional(),
});

/** The leaders' dashboard: city-wide figures, so city-wide roles only. */
@ApiTags('insights')
@ApiBearerAuth()
@Roles('leader', 'admin')
@Controller('api/v1/insights')
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  /** The top issues (category × ~500 m cell) of the local day or ISO week containing `at`. */
  @Get('top-issues')
  topIssues(@Query({ schema: topIssuesQuery }) q: z.infer<typeof topIssuesQuery>): Promise<TopIssues> {
    return this.insights.topIssues({ period: q.period, limit: q.limit, at: q.at ? new Date(q.at) : undefined });
  }

  /** Cells whose report counts are significantly high (Getis–Ord Gi*, z ≥ 1.96), highest z first, at most 200. */
  @Get('hotspots')
  hotspots(@Query({ schema: hotspotsQuery }) q: z.infer<typeof hotspotsQuery>): Promise<Hotspot[]> {
    return this.insights.hotspots({ from: new Date(q.from), to: new Date(q.to), category: q.category });
  }
}
