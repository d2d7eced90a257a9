import { Module } from '@nestjs/common';
import { ClockModule } from '../../engine/clock/clock.module';
import { OutboxModule } from '../../engine/outbox/outbox.module';
import { GeoModule } from '../geo/geo.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportRecordModule } from '../report-record/report-record.module';
import { SlaModule } from '../sla/sla.module';
import { RoutingRulesService } from './routing-rules.service';
import { AuditModule } from '../audit/audit.module';
import { RoutingController } from './routing.controller';
import { RoutingRepository } from './routing.repository';
import { RoutingService } from './routing.service';

@Module({
  imports: [ClockModule, GeoModule, SlaModule, OutboxModule, NotificationsModule, ReportRecordModule, AuditModule],
  controllers: [RoutingController],
  providers: [RoutingRepository, RoutingService, RoutingRulesService],
  exports: [RoutingService],
})
export class RoutingModule {}
