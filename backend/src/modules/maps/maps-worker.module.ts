import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { ReportAggregatorService } from './aggregates/report-aggregator.service';
import { TileGenerations } from './tile-generations';

/** The worker's side of the maps: the density aggregator. */
@Module({
  imports: [ClockModule],
  providers: [ReportAggregatorService, TileGenerations],
  exports: [ReportAggregatorService],
})
export class MapsWorkerModule {}
