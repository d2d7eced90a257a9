import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { GeoController } from './geo.controller';
import { GeoRepository } from './geo.repository';
import { GeoService } from './geo.service';

@Module({ imports: [ClockModule], controllers: [GeoController], providers: [GeoRepository, GeoService], exports: [GeoService] })
export class GeoModule {}
