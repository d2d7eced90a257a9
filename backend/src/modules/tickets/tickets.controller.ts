import { applyDecorators, Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { BodyLimit } from '../../engine/http/body-limit.decorator';
import { Public } from '../../engine/http/public.decorator';
import { RateLimit } from '../../engine/rate-limit/rate-limit.decorator';
import { text } from '../../engine/http/text.schema';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { StaffPost } from '../auth/staff-route.decorator';
import { REPORTER_SECRET_HEADER } from '../reporter-access/reporter-secret';
import { TicketAction } from './ticket-state-machine';
import { ActionResult, actionResultSchema, noteResultSchema } from './tickets.dto';
import { TicketsService } from './tickets.service';

const ACTIONS: Record<string, TicketAction> = {
  accept: 'accept',
  'request-info': 'request_info',
  resolve: 'resolve',
  reopen: 'reopen',
  close: 'close',
  reject: 'reject',
  merge: 'merge',
};

const actionBody = z
  .object({
    version: z.number().int().min(1),
    publicMessage: text(5000).pipe(z.string().min(5)).optional(),
    internalNote: text(5000).pipe(z.string().min(1)).optional(),
    photos: z.array(z.string().uuid()).max(5).optional(),
    masterId: z.string().uuid().optional(),
  })
  .strict()
  .meta({ id: 'TicketActionRequest' });

const messageBody = z.object({ message: text(5000).pipe(z.string().min(2)) }).strict();
const ratingBody = z.object({ rating: z.number().int().min(1).max(5), comment: text(2000).optional() }).strict();
const REPORTER_SECRET = {
  name: REPORTER_SECRET_HEADER,
  required: true,
  description: "The reporter's secret: given once in the filing answer (reporterSecret) and in the link of each message to the reporter",
};
const codeParam = z.string().regex(/^HCM-\d{6}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/);

/** A reporter's own action on the tracking code (composed last first, as the stack would run). */
const ReporterAction = (path: string): MethodDecorator =>
  applyDecorators(
    ApiOkResponse({ standardSchema: actionResultSchema }),
    HttpCode(200),
    Post(path),
    BodyLimit(32 * 1024),
    RateLimit('citizenAction'),
    ApiHeader(REPORTER_SECRET),
    Public(),
  );

@ApiTags('tickets')
@Controller('api/v1')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @StaffPost('reports/:id/actions/:action', actionResultSchema, ['ward_official', 'department_official', 'admin'])
  act(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Param('action', { schema: z.enum(Object.keys(ACTIONS) as [string, ...string[]]) }) action: string,
    @Body({ schema: actionBody }) body: z.infer<typeof actionBody>,
    @CurrentPrincipal() p: Principal,
  ): Promise<ActionResult> {
    return this.tickets.act(id, ACTIONS[action], body, p);
  }

  /** An internal note: never shown to the citizen. */
  @StaffPost('reports/:id/notes', noteResultSchema, ['ward_official', 'department_official', 'admin'], 201)
  note(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Body({ schema: messageBody }) body: z.infer<typeof messageBody>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.tickets.note(id, body.message, p);
  }

  // The reporter's own actions: the tracking code names the ticket, the secret gives the right
  // to act on it (invariant 7). Without the header: 401; with one that does not fit: 403.
  @ReporterAction('track/:code/reply')
  reply(
    @Param('code', { schema: codeParam }) code: string,
    @Headers(REPORTER_SECRET_HEADER) secret: string | undefined,
    @Body({ schema: messageBody }) body: z.infer<typeof messageBody>,
  ): Promise<ActionResult> {
    return this.tickets.citizenReply(code, secret, body.message);
  }

  @ReporterAction('track/:code/reject')
  reject(
    @Param('code', { schema: codeParam }) code: string,
    @Headers(REPORTER_SECRET_HEADER) secret: string | undefined,
    @Body({ schema: messageBody }) body: z.infer<typeof messageBody>,
  ): Promise<ActionResult> {
    return this.tickets.citizenReject(code, secret, body.message);
  }

  @ReporterAction('track/:code/rating')
  rate(
    @Param('code', { schema: codeParam }) code: string,
    @Headers(REPORTER_SECRET_HEADER) secret: string | undefined,
    @Body({ schema: ratingBody }) body: z.infer<typeof ratingBody>,
  ): Promise<ActionResult> {
    return this.tickets.rate(code, secret, body.rating, body.comment);
  }

  // A caller without a web link: the call-centre operator acts for them, recorded as such.
  @StaffPost('reports/:id/for-reporter/reply', actionResultSchema, ['operator'])
  replyForReporter(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Body({ schema: messageBody }) body: z.infer<typeof messageBody>,
    @CurrentPrincipal() p: Principal,
  ): Promise<ActionResult> {
    return this.tickets.actForReporter(id, 'reply', { message: body.message }, p);
  }

  @StaffPost('reports/:id/for-reporter/reject', actionResultSchema, ['operator'])
  rejectForReporter(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Body({ schema: messageBody }) body: z.infer<typeof messageBody>,
    @CurrentPrincipal() p: Principal,
  ): Promise<ActionResult> {
    return this.tickets.actForReporter(id, 'reject', { message: body.message }, p);
  }

  @StaffPost('reports/:id/for-reporter/rating', actionResultSchema, ['operator'])
  rateForReporter(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Body({ schema: ratingBody }) body: z.infer<typeof ratingBody>,
    @CurrentPrincipal() p: Principal,
  ): Promise<ActionResult> {
    return this.tickets.actForReporter(id, 'rate', { rating: body.rating, comment: body.comment }, p);
  }
}
