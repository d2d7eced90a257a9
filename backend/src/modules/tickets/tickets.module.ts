import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportRecordModule } from '../report-record/report-record.module';
import { ReporterAccessModule } from '../reporter-access/reporter-access.module';
import { SlaModule } from '../sla/sla.module';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({ imports: [ReportRecordModule, SlaModule, NotificationsModule, ReporterAccessModule, RateLimitModule], controllers: [TicketsController], providers: [TicketsRepository, TicketsService], exports: [TicketsService] })
export class TicketsModule {}
