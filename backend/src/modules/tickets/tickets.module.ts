import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlaModule } from '../sla/sla.module';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({ imports: [SlaModule, NotificationsModule], controllers: [TicketsController], providers: [TicketsRepository, TicketsService], exports: [TicketsService] })
export class TicketsModule {}
