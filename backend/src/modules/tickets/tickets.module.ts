import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReporterAccessModule } from '../reporter-access/reporter-access.module';
import { SlaModule } from '../sla/sla.module';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({ imports: [SlaModule, NotificationsModule, ReporterAccessModule], controllers: [TicketsController], providers: [TicketsRepository, TicketsService], exports: [TicketsService] })
export class TicketsModule {}
