import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { MapsController } from './maps.controller';
import { MapsRepository } from './maps.repository';
import { LiveReportsService } from './live-reports.service';
import { MapsService } from './maps.service';
import { TileGenerations } from './tile-generations';

/** Report vector tiles (the leaders' map, the transparency map), their cache and live updates. */
@Module({
  imports: [ClockModule],
  controllers: [MapsController],
  providers: [MapsRepository, MapsService, TileGenerations, LiveReportsService],
})
export class MapsModule {}
