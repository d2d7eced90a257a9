import { Module } from '@nestjs/common';
import { MAPS_CLOCK, systemMapsClock } from './maps.clock';
import { MapsController } from './maps.controller';
import { MapsRepository } from './maps.repository';
import { MapsService } from './maps.service';

/** Report vector tiles: the leaders' map and the public transparency map. */
@Module({
  controllers: [MapsController],
  providers: [MapsRepository, MapsService, { provide: MAPS_CLOCK, useValue: systemMapsClock }],
})
export class MapsModule {}
