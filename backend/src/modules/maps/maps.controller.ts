import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Public } from '../../engine/http/public.decorator';
import { isoInstant } from '../../engine/http/text.schema';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { REPORT_STATUSES } from '../report-record/report-status';
import { LiveReportsService } from './live-reports.service';
import { liveReportsEventSchema } from './maps.dto';
import { MapsService } from './maps.service';

const tileParams = z.object({
  z: z.coerce.number().int(),
  x: z.coerce.number().int(),
  y: z.coerce.number().int(),
});

const code = '[a-z0-9-]+';
const status = `(?:${REPORT_STATUSES.join('|')})`;
const reportTileQuery = z.object({
  category: z
    .string()
    .max(1000)
    .regex(new RegExp(`^${code}(,${code})*$`))
    .optional(),
  group: z
    .string()
    .max(64)
    .regex(new RegExp(`^${code}$`))
    .optional(),
  status: z
    .string()
    .max(200)
    .regex(new RegExp(`^${status}(,${status})*$`))
    .optional(),
  unit: z.uuid().optional(),
  sla: z.enum(['warning', 'overdue']).optional(),
  /** Ignored by the server: lets a live map bust its own cache after a change. */
  g: z.string().max(32).optional(),
  from: isoInstant().optional(),
  to: isoInstant().optional(),
});

const MVT = 'application/vnd.mapbox-vector-tile';

@ApiTags('maps')
@Controller('api/v1')
export class MapsController {
  constructor(
    private readonly maps: MapsService,
    private readonly live: LiveReportsService,
  ) {}

  /**
   * The leaders' map: `heat` cells (count, open, warning, overdue, resolved) up to z11, `hex` H3
   * cells with the same figures at z12–13, `points` (id, code, status, category, sla) from z14.
   */
  @Get('tiles/reports/:z/:x/:y.mvt')
  @ApiBearerAuth()
  @Roles('leader', 'admin')
  @ApiProduces(MVT)
  @Header('content-type', MVT)
  @Header('cache-control', 'private, max-age=60')
  async reportTile(
    @Param({ schema: tileParams }) p: z.infer<typeof tileParams>,
    @Query({ schema: reportTileQuery }) q: z.infer<typeof reportTileQuery>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    void reply.send(await this.maps.reportTile(p.z, p.x, p.y, q));
  }

  /** The transparency map: public categories, last 30 days, `heat` with `count` only, ≥ 5 reports per ≥ 100 m cell. */
  @Get('public/tiles/reports/:z/:x/:y.mvt')
  @Public()
  @ApiProduces(MVT)
  @Header('content-type', MVT)
  @Header('cache-control', 'public, max-age=300')
  async publicTile(@Param({ schema: tileParams }) p: z.infer<typeof tileParams>, @Res() reply: FastifyReply): Promise<void> {
    void reply.send(await this.maps.publicTile(p.z, p.x, p.y));
  }

  /**
   * Server-sent events: `reports` with `{ generation, changed, at }` each time new or changed reports
   * reach the map aggregates (about once a second under load); refetch tiles with `g=<generation>`.
   */
  @Get('live/reports')
  @ApiBearerAuth()
  @Roles('leader', 'admin')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    standardSchema: liveReportsEventSchema,
    description: 'Server-sent events; the data of each `reports` event is this JSON',
  })
  liveReports(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentPrincipal() principal: Principal): void {
    this.live.open(request, reply, `user:${principal.userId}`);
  }

  /** The same events for the transparency map (they carry no report data). */
  @Get('public/live/reports')
  @Public()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    standardSchema: liveReportsEventSchema,
    description: 'Server-sent events; the data of each `reports` event is this JSON',
  })
  publicLiveReports(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.live.open(request, reply, `address:${request.ip}`);
  }
}
