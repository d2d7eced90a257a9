import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../../engine/clock/clock.module';
import { OutboxModule } from '../../engine/outbox/outbox.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CalendarModule } from './calendar/calendar.module';
import { SlaAdminController } from './sla-admin.controller';
import { SlaAdminService } from './sla-admin.service';
import { SlaPolicyRepository } from './sla-policy.repository';
import { SlaStatsRepository } from './sla-stats.repository';
import { SlaStatsService } from './sla-stats.service';
import { SlaTimersService } from './sla-timers.service';
import { SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';

@Module({
  imports: [CalendarModule, ClockModule, NotificationsModule, OutboxModule, AuditModule],
  controllers: [SlaAdminController],
  providers: [SlaRepository, SlaService, SlaStatsRepository, SlaStatsService, SlaAdminService, SlaPolicyRepository, SlaTimersService],
  exports: [SlaService, SlaRepository, SlaTimersService, SlaStatsService],
})
export class SlaModule {}
