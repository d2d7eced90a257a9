import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { OutboxModule } from '../../engine/outbox/outbox.module';
import { AuditModule } from '../audit/audit.module';
import { ReportRecordModule } from '../report-record/report-record.module';
import { ReporterAccessModule } from '../reporter-access/reporter-access.module';
import { CallCentreRepository } from './call-centre.repository';
import { CallCentreService } from './call-centre.service';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

@Module({
  imports: [ClockModule, OutboxModule, AuditModule, ReporterAccessModule, RateLimitModule, ReportRecordModule],
  controllers: [IntakeController],
  providers: [IntakeRepository, IntakeService, CallCentreRepository, CallCentreService],
  exports: [IntakeService, CallCentreService],
})
export class IntakeModule {}
