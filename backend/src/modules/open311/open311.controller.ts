import { Body, Controller, Get, Headers, Param, Post, Query, Res, UseFilters, UseInterceptors } from '@nestjs/common';
import { NoFilesInterceptor } from '@nestjs/platform-fastify/multipart';
import { ApiConsumes, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BodyLimit } from '../../engine/http/body-limit.decorator';
import { Public } from '../../engine/http/public.decorator';
import { RateLimit } from '../../engine/rate-limit/rate-limit.decorator';
import {
  FormatParams,
  formatParams,
  ListRequestsQuery,
  listRequestsQuerySchema,
  localeQuerySchema,
  Open311RequestContext,
  PostRequestForm,
  postRequestSchema,
  RequestParams,
  requestParams,
  ServiceParams,
  serviceParams,
  TokenParams,
  tokenParams,
} from './open311.dto';
import { Open311Service } from './open311.service';
import { Open311ApiKeyInterceptor } from './open311-api-key.interceptor';
import { Open311Context } from './open311-context.decorator';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { send } from './open311-response';

// A multipart request's own caps (bodyLimit does not apply to it): some fifteen fields of the spec
// and the answers to a service's questions, a multi-value list repeating its field.
const MULTIPART_LIMITS = { files: 0, fields: 200, fieldSize: 16 * 1024, parts: 200 };

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for existing 311 apps and tools.
 * The format is the path's suffix (.json or .xml); names are Vietnamese unless `?locale=en` or
 * `Accept-Language: en` asks for English.
 */
@ApiTags('open311')
@ApiProduces('application/json', 'text/xml')
@ApiHeader({ name: 'Accept-Language', required: false, description: 'vi (default) or en, when no locale parameter is given' })
@Public()
@UseFilters(Open311ExceptionFilter)
@Controller('open311/v2')
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('discovery.:format')
  @ApiOperation({ summary: 'Service discovery: endpoints, formats, contact and key service' })
  discovery(
    @Param({ schema: formatParams }) { format }: FormatParams,
    @Query({ schema: localeQuerySchema }) _q: unknown,
    @Open311Context() ctx: Open311RequestContext,
    @Res() reply: FastifyReply,
  ): void {
    send(reply, format, 200, 'discovery', this.open311.discovery(ctx));
  }

  @Get('services.:format')
  @ApiOperation({ summary: 'GET Service List: the public categories' })
  async services(
    @Param({ schema: formatParams }) { format }: FormatParams,
    @Query({ schema: localeQuerySchema }) _q: unknown,
    @Open311Context() ctx: Open311RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, format, 200, 'services', await this.open311.services(ctx.locale));
  }

  @Get('services/:service_code.:format')
  @ApiOperation({ summary: 'GET Service Definition: the attributes of one service' })
  async serviceDefinition(
    @Param({ schema: serviceParams }) { service_code: serviceCode, format }: ServiceParams,
    @Query({ schema: localeQuerySchema }) _q: unknown,
    @Open311Context() ctx: Open311RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, format, 200, 'service_definition', await this.open311.serviceDefinition(serviceCode, ctx.locale));
  }

  @Post('requests.:format')
  // Form-encoded, a 4,000-character description in Vietnamese takes up to ~36 KB.
  @BodyLimit(128 * 1024)
  @ApiOperation({ summary: 'POST Service Request (api_key required); answers the tracking code and a token at once' })
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data', 'application/json')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key replays the first answer' })
  @UseInterceptors(NoFilesInterceptor({ limits: MULTIPART_LIMITS }), Open311ApiKeyInterceptor)
  async create(
    @Param({ schema: formatParams }) { format }: FormatParams,
    @Body({ schema: postRequestSchema }) form: PostRequestForm,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Open311Context() ctx: Open311RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { created, replayed } = await this.open311.create(form, { ...ctx, idempotencyKey });
    if (replayed) void reply.header('idempotent-replayed', 'true');
    send(reply, format, 201, 'service_requests', [created]);
  }

  @Get('requests.:format')
  @RateLimit('tracking')
  @ApiOperation({ summary: 'GET Service Requests: newest first, the last 90 days and at most 1000 unless filtered' })
  async requests(
    @Param({ schema: formatParams }) { format }: FormatParams,
    @Query({ schema: listRequestsQuerySchema }) q: ListRequestsQuery,
    @Open311Context() ctx: Open311RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, format, 200, 'service_requests', await this.open311.requests(q, ctx));
  }

  @Get('requests/:service_request_id.:format')
  @RateLimit('tracking')
  @ApiOperation({ summary: 'GET Service Request: one request by its tracking code' })
  async request(
    @Param({ schema: requestParams }) { service_request_id: id, format }: RequestParams,
    @Query({ schema: localeQuerySchema }) _q: unknown,
    @Open311Context() ctx: Open311RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, format, 200, 'service_requests', await this.open311.request(id, ctx));
  }

  @Get('tokens/:token.:format')
  @RateLimit('tracking')
  @ApiOperation({ summary: 'GET service_request_id from a token' })
  async token(@Param({ schema: tokenParams }) { token, format }: TokenParams, @Res() reply: FastifyReply): Promise<void> {
    send(reply, format, 200, 'service_requests', await this.open311.token(token));
  }
}
