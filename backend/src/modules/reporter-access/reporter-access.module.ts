import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { ReporterAccessRepository } from './reporter-access.repository';
import { ReporterAccessService } from './reporter-access.service';

@Module({ imports: [ClockModule], providers: [ReporterAccessRepository, ReporterAccessService], exports: [ReporterAccessService] })
export class ReporterAccessModule {}
