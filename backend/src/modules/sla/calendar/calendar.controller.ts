import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import {
  CalendarDayView,
  CalendarQuery,
  calendarQuerySchema,
  CalendarView,
  DayParam,
  dayParamSchema,
  HoursRangeView,
  PutDayRequest,
  putDaySchema,
  PutHoursRequest,
  putHoursSchema,
} from './calendar.dto';
import { CalendarService } from './calendar.service';

/** The work calendar SLAs run on: weekly hours, holidays, compensatory days, swapped working days. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  view(@Query({ schema: calendarQuerySchema }) q: CalendarQuery): Promise<CalendarView> {
    return this.calendar.view(q.year);
  }

  @Put('days/:date')
  putDay(
    @Param({ schema: dayParamSchema }) p: DayParam,
    @Body({ schema: putDaySchema }) body: PutDayRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CalendarDayView> {
    return this.calendar.putDay(p.date, body, principal);
  }

  @Delete('days/:date')
  @HttpCode(204)
  deleteDay(@Param({ schema: dayParamSchema }) p: DayParam, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.calendar.deleteDay(p.date, principal);
  }

  @Put('hours')
  putHours(@Body({ schema: putHoursSchema }) body: PutHoursRequest, @CurrentPrincipal() principal: Principal): Promise<HoursRangeView[]> {
    return this.calendar.putHours(body, principal);
  }
}
