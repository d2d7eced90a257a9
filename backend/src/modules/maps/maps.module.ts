import { Module } from '@nestjs/common';
import { MAPS_CLOCK, systemMapsClock } from './maps.clock';
import { MapsController } from './maps.controller';
import { MapsRepository } from './maps.repository';
import { LiveReportsService } from './live-reports.service';
import { MapsService } from './maps.service';
import { TileGenerations } from './tile-generations';

/** Report vector tiles (the leaders' map, the transparency map), their cache and live updates. */
@Module({
  controllers: [MapsController],
  providers: [MapsRepository, MapsService, TileGenerations, LiveReportsService, { provide: MAPS_CLOCK, useValue: systemMapsClock }],
})
export class MapsModule {}
