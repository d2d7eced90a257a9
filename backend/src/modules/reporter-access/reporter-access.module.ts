import { Module } from '@nestjs/common';
import { ReporterAccessRepository } from './reporter-access.repository';
import { ReporterAccessService } from './reporter-access.service';

@Module({ providers: [ReporterAccessRepository, ReporterAccessService], exports: [ReporterAccessService] })
export class ReporterAccessModule {}
