import { Module } from '@nestjs/common';
import { ReportRecordModule } from '../report-record/report-record.module';
import { TicketsModule } from '../tickets/tickets.module';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [ReportRecordModule, TicketsModule, RateLimitModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
