import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ClockModule } from '../../../engine/clock/clock.module';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** The business calendar: CalendarService.current() is what SLA code computes deadlines with. */
@Module({
  imports: [AuditModule, ClockModule],
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
