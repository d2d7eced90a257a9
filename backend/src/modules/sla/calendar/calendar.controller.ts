import { Body, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import {
  calendarDayViewSchema,
  CalendarDayView,
  CalendarQuery,
  calendarQuerySchema,
  CalendarView,
  calendarViewSchema,
  DayParam,
  dayParamSchema,
  HoursRangeView,
  hoursResponse,
  PutDayRequest,
  putDaySchema,
  PutHoursRequest,
  putHoursSchema,
} from './calendar.dto';
import { CalendarService } from './calendar.service';
import { StaffApi } from '../../auth/staff-route.decorator';

/** The work calendar SLAs run on: weekly hours, holidays, compensatory days, swapped working days. */
@StaffApi('admin', 'api/v1/admin/calendar', 'admin')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOkResponse({ standardSchema: calendarViewSchema })
  view(@Query({ schema: calendarQuerySchema }) q: CalendarQuery): Promise<CalendarView> {
    return this.calendar.view(q.year);
  }

  @Put('days/:date')
  @ApiOkResponse({ standardSchema: calendarDayViewSchema })
  putDay(
    @Param({ schema: dayParamSchema }) p: DayParam,
    @Body({ schema: putDaySchema }) body: PutDayRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CalendarDayView> {
    return this.calendar.putDay(p.date, body, principal);
  }

  @Delete('days/:date')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The day follows the weekly hours again' })
  deleteDay(@Param({ schema: dayParamSchema }) p: DayParam, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.calendar.deleteDay(p.date, principal);
  }

  @Put('hours')
  @ApiOkResponse({ standardSchema: hoursResponse, description: 'The weekly hours now in force' })
  putHours(@Body({ schema: putHoursSchema }) body: PutHoursRequest, @CurrentPrincipal() principal: Principal): Promise<HoursRangeView[]> {
    return this.calendar.putHours(body, principal);
  }
}
