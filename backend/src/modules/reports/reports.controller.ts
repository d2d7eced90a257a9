import { Body, Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../../engine/http/public.decorator';
import { RateLimit } from '../../engine/rate-limit/rate-limit.decorator';
import { text } from '../../engine/http/text.schema';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { REPORTER_SECRET_HEADER } from '../reporter-access/reporter-secret';
import { revealedReporterSchema, StaffReport, staffReportSchema, TrackedReport, trackedReportSchema } from './reports.dto';
import { ReportsService } from './reports.service';
import { StaffOnly, StaffPost } from '../auth/staff-route.decorator';

const revealBody = z
  .object({ reason: text(1000).pipe(z.string().min(10)) })
  .strict()
  .meta({ id: 'RevealReporterRequest' });

@ApiTags('reports')
@Controller('api/v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * The public status page's data: no personal data, public events only. The tracking code alone
   * reads; with the reporter's secret the answer also says what the reporter may do.
   */
  @Public()
  @ApiHeader({
    name: REPORTER_SECRET_HEADER,
    required: false,
    description: "The reporter's secret: the answer's allowedActions are then the reporter's",
  })
  @RateLimit('tracking')
  @Get('track/:code')
  @ApiOkResponse({ standardSchema: trackedReportSchema })
  track(
    @Param('code', { schema: z.string().max(40) }) code: string,
    @Headers(REPORTER_SECRET_HEADER) secret: string | undefined,
  ): Promise<TrackedReport> {
    return this.reports.track(code, secret);
  }

  @StaffOnly('operator', 'ward_official', 'department_official', 'leader', 'admin')
  @Get('reports/:id')
  @ApiOkResponse({ standardSchema: staffReportSchema })
  get(@Param('id', { schema: z.string().uuid() }) id: string, @CurrentPrincipal() principal: Principal): Promise<StaffReport> {
    return this.reports.forStaff(id, principal);
  }

  /** An admin reads a hidden reporter's contact details; the reason goes into the timeline. */
  @StaffPost('reports/:id/reveal-reporter', revealedReporterSchema, ['admin'])
  revealReporter(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Body({ schema: revealBody }) body: z.infer<typeof revealBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ reporter: StaffReport['reporter'] }> {
    return this.reports.revealReporter(id, body.reason, principal);
  }
}
