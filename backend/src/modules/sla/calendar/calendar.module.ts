import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { CALENDAR_CLOCK, systemClock } from './calendar.clock';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** The business calendar: CalendarService.current() is what SLA code computes deadlines with. */
@Module({
  imports: [AuditModule],
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService, { provide: CALENDAR_CLOCK, useValue: systemClock }],
  exports: [CalendarService],
})
export class CalendarModule {}
