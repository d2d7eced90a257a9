import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({ controllers: [ReportsController], providers: [ReportsRepository, ReportsService], exports: [ReportsService] })
export class ReportsModule {}
