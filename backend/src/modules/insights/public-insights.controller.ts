import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../../engine/http/public.decorator';
import { PublicCellInsights, publicCellQuery, publicCellResponse, PublicWardsInsights, publicWardsResponse } from './insights.dto';
import { PublicInsightsService } from './public-insights.service';

/** The transparency map's figures: anonymous, public categories, last 30 days, counts only. */
@ApiTags('public')
@Public()
@Controller('api/v1/public/insights')
export class PublicInsightsController {
  constructor(private readonly insights: PublicInsightsService) {}

  /**
   * The public tile cell at zoom `z` holding the point (never finer than ~150 m), by public
   * category, over the tiles' window (the last 30 local days, today included); `{ hidden: true }`
   * under 5 reports.
   */
  @Get('cell')
  @Header('cache-control', 'public, max-age=300')
  @ApiOkResponse({ standardSchema: publicCellResponse })
  cell(@Query({ schema: publicCellQuery }) q: z.infer<typeof publicCellQuery>): Promise<PublicCellInsights> {
    return this.insights.cell(q);
  }

  /** Per ward: received, resolved and the on-time rate (resolved on time ÷ resolved), public categories. */
  @Get('wards')
  @Header('cache-control', 'public, max-age=300')
  @ApiOkResponse({ standardSchema: publicWardsResponse })
  wards(): Promise<PublicWardsInsights> {
    return this.insights.wards();
  }
}
