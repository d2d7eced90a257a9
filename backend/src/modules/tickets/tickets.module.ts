import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { RateLimitModule } from '../../engine/rate-limit/rate-limit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReporterAccessModule } from '../reporter-access/reporter-access.module';
import { SlaModule } from '../sla/sla.module';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({ imports: [ClockModule, SlaModule, NotificationsModule, ReporterAccessModule, RateLimitModule], controllers: [TicketsController], providers: [TicketsRepository, TicketsService], exports: [TicketsService] })
export class TicketsModule {}
