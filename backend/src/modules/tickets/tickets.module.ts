import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportRecordModule } from '../report-record/report-record.module';
import { ReporterAccessModule } from '../reporter-access/reporter-access.module';
import { SlaModule } from '../sla/sla.module';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';
import { UnitQueueController } from './unit-queue.controller';
import { UnitQueueRepository } from './unit-queue.repository';
import { UnitQueueService } from './unit-queue.service';

@Module({
  imports: [ClockModule, ReportRecordModule, SlaModule, NotificationsModule, ReporterAccessModule, RateLimitModule],
  controllers: [TicketsController, UnitQueueController],
  providers: [TicketsRepository, TicketsService, UnitQueueRepository, UnitQueueService],
  exports: [TicketsService],
})
export class TicketsModule {}
