import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../../engine/http/public.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { PublicReportView, StaffReportView } from './reports.repository';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('api/v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** The public status page's data: no personal data, public events only. */
  @Public()
  @Get('track/:code')
  track(@Param('code', { schema: z.string().max(40) }) code: string): Promise<PublicReportView> {
    return this.reports.track(code);
  }

  @ApiBearerAuth()
  @Roles('operator', 'ward_official', 'department_official', 'leader', 'admin')
  @Get('reports/:id')
  get(@Param('id', { schema: z.string().uuid() }) id: string, @CurrentPrincipal() principal: Principal): Promise<StaffReportView> {
    return this.reports.forStaff(id, principal);
  }
}
