import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { BodyLimit } from '../../engine/http/body-limit.decorator';
import { Public } from '../../engine/http/public.decorator';
import { RateLimit } from '../../engine/rate-limit/rate-limit.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { CallCentreService } from './call-centre.service';
import { text } from '../../engine/http/text.schema';
import {
  attachedCallSchema,
  CallerReport,
  callerReportSchema,
  CreateReportRequest,
  createReportSchema,
  DuplicateCandidate,
  duplicateCandidateSchema,
  FiledReport,
  filedReportSchema,
  phoneSchema,
} from './intake.dto';
import { IntakeException } from './intake.exception';
import { IntakeService } from './intake.service';
import { StaffOnly, StaffPost } from '../auth/staff-route.decorator';

const duplicatesQuery = z.object({
  category: text(64).pipe(z.string().min(1)),
  lat: z.coerce.number().finite().min(-90).max(90),
  lng: z.coerce.number().finite().min(-180).max(180),
  text: text(5000).optional(),
});

const attachCallerBody = z
  .object({ phone: phoneSchema, name: text(200).optional(), note: text(5000).optional() })
  .strict()
  .meta({ id: 'AttachCallerRequest' });

@ApiTags('intake')
@Controller('api/v1')
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly calls: CallCentreService,
  ) {}

  /** Files a report from the web, the app or the call centre (anonymous allowed). */
  @Public()
  @RateLimit('filing')
  @BodyLimit(64 * 1024)
  @Post('reports')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key replays the first answer' })
  @ApiCreatedResponse({ standardSchema: filedReportSchema })
  async create(
    @Body({ schema: createReportSchema }) body: CreateReportRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal | null,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FiledReport> {
    const hasContact = Boolean(body.reporter?.name || body.reporter?.phone || body.reporter?.email);
    // Citizens filing for themselves consent on the form; an operator records a caller by phone.
    if (hasContact && !principal && body.channel === 'web' && body.consent !== true) throw IntakeException.consentRequired();
    const { result, replayed } = await this.intake.submit(
      {
        categoryCode: body.category,
        lat: body.lat,
        lng: body.lng,
        description: body.description,
        address: body.address,
        channel: body.channel,
        reporter: body.reporter,
        attributes: body.attributes,
        photoUploadIds: body.photos,
      },
      { actor: principal ? { userId: principal.userId, role: principal.role } : null, idempotencyKey: idempotencyKey },
    );
    void reply.status(201);
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return result;
  }

  @StaffOnly('operator')
  @Get('reports/duplicates')
  @ApiOkResponse({ standardSchema: z.array(duplicateCandidateSchema) })
  duplicates(@Query({ schema: duplicatesQuery }) q: z.infer<typeof duplicatesQuery>): Promise<DuplicateCandidate[]> {
    return this.calls.likelyDuplicates(q);
  }

  @StaffOnly('operator')
  @Get('callers/:phone/reports')
  @ApiOkResponse({ standardSchema: z.array(callerReportSchema) })
  callerHistory(@Param('phone', { schema: phoneSchema }) phone: string, @CurrentPrincipal() principal: Principal): Promise<CallerReport[]> {
    return this.calls.callerHistory(phone, principal);
  }

  @RateLimit('filing')
  @BodyLimit(16 * 1024)
  @StaffPost('reports/:id/callers', attachedCallSchema, ['operator'], 201)
  attachCaller(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Body({ schema: attachCallerBody }) body: z.infer<typeof attachCallerBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ id: string; code: string; followerCount: number }> {
    return this.calls.attachCaller(id, body, principal);
  }
}
