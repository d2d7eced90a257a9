import { Module } from '@nestjs/common';
import { ClockModule } from '../../../engine/clock/clock.module';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** The business calendar: CalendarService.current() is what SLA code computes deadlines with. */
@Module({
  imports: [ClockModule],
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
