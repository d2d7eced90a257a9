import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { GeoModule } from '../geo/geo.module';
import { IntakeModule } from '../intake/intake.module';
import { Open311Controller } from './open311.controller';
import { Open311Repository } from './open311.repository';
import { Open311Service } from './open311.service';
import { Open311LocationService } from './open311-location.service';

/** Open311 GeoReport v2 at /open311/v2: reads its own public view of reports, files through intake. */
@Module({
  imports: [ClockModule, IntakeModule, GeoModule, RateLimitModule],
  controllers: [Open311Controller],
  providers: [Open311Repository, Open311Service, Open311LocationService],
})
export class Open311Module {}
