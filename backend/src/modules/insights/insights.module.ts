import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { SlaModule } from '../sla/sla.module';
import { InsightsFiguresRepository } from './insights-figures.repository';
import { InsightsFiguresService } from './insights-figures.service';
import { InsightsController } from './insights.controller';
import { InsightsRepository } from './insights.repository';
import { InsightsService } from './insights.service';
import { PublicInsightsController } from './public-insights.controller';
import { PublicInsightsService } from './public-insights.service';

/** Read-only figures for the leaders' dashboard and the public transparency map. */
@Module({
  imports: [ClockModule, SlaModule],
  controllers: [InsightsController, PublicInsightsController],
  providers: [InsightsRepository, InsightsService, InsightsFiguresRepository, InsightsFiguresService, PublicInsightsService],
})
export class InsightsModule {}
