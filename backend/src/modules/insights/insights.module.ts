import { Module } from '@nestjs/common';
import { systemInsightsClock, INSIGHTS_CLOCK } from './insights.clock';
import { InsightsController } from './insights.controller';
import { InsightsRepository } from './insights.repository';
import { InsightsService } from './insights.service';

/** Read-only figures for the leaders' dashboard. */
@Module({
  controllers: [InsightsController],
  providers: [InsightsRepository, InsightsService, { provide: INSIGHTS_CLOCK, useValue: systemInsightsClock }],
})
export class InsightsModule {}
