import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BodyLimit } from '../../engine/http/body-limit.decorator';
import { Public } from '../../engine/http/public.decorator';
import { RateLimit } from '../../engine/rate-limit/rate-limit.decorator';
import { PostAnswering } from '../auth/staff-route.decorator';
import { renderPersonalDataHtml } from './personal-data-html';
import { PrivacyAccessService } from './privacy-access.service';
import { normalizeEmail } from './privacy-request-rules';
import {
  ErasureAccepted,
  erasureAcceptedSchema,
  erasureRequestSchema,
  myDataQuerySchema,
  PersonalDataExport,
  personalDataExportSchema,
  PRIVACY_ACCESS_HEADER,
  PrivacyAccessGrant,
  privacyAccessGrantSchema,
  PrivacyAccessRequest,
  privacyAccessRequestSchema,
  verificationCodeRequestSchema,
  VerificationCodeRequest,
  verificationCodeSentSchema,
} from './privacy-requests.dto';
import { PrivacyRequestsService } from './privacy-requests.service';

const ACCESS_HEADER = {
  name: PRIVACY_ACCESS_HEADER,
  required: true,
  description: 'The access token of POST /api/v1/privacy/access',
};

/** The e-mail address a code request names, as the per-address limit counts it. */
const emailOf = (request: FastifyRequest): string | null => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? normalizeEmail(email) : null;
};

/** A data subject's own requests: verify, see and download what is held, ask for erasure. */
@ApiTags('privacy')
@Controller('api/v1/privacy')
@Public()
export class PrivacyCitizenController {
  constructor(
    private readonly access: PrivacyAccessService,
    private readonly requests: PrivacyRequestsService,
  ) {}

  /** Always 202 with `{ sent: true }`: a code goes out only to an address some report or message holds. */
  @Post('verification-codes')
  @HttpCode(202)
  @ApiAcceptedResponse({ standardSchema: verificationCodeSentSchema })
  @BodyLimit(4 * 1024)
  @RateLimit('privacyCode', { account: emailOf })
  sendCode(@Body({ schema: verificationCodeRequestSchema }) body: VerificationCodeRequest): Promise<{ sent: true }> {
    return this.access.sendCode(body.email);
  }

  /** The reporter's private link (trackingCode + secret) or an address with its code buys a short-lived token. */
  @PostAnswering('access', privacyAccessGrantSchema)
  @BodyLimit(4 * 1024)
  @RateLimit('privacyAccess')
  grant(@Body({ schema: privacyAccessRequestSchema }) body: PrivacyAccessRequest): Promise<PrivacyAccessGrant> {
    return this.access.grant(body);
  }

  /** Everything tied to the verified phones and addresses; `format=html` gives a standalone page to keep. */
  @Get('my-data')
  @ApiHeader(ACCESS_HEADER)
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ standardSchema: personalDataExportSchema })
  @RateLimit('privacyAccess')
  async myData(
    @Headers(PRIVACY_ACCESS_HEADER) token: string | undefined,
    @Query({ schema: myDataQuerySchema }) q: z.infer<typeof myDataQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonalDataExport | string> {
    const data = await this.requests.myData(token);
    void reply.header('cache-control', 'no-store');
    if (q.format === 'json') return data;
    const day = data.generatedAt.slice(0, 10);
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="du-lieu-ca-nhan-1022-${day}.html"`)
      .header('x-content-type-options', 'nosniff');
    return renderPersonalDataHtml(data);
  }

  /** Erasure of everything tied to the verified phones and addresses; the token is void afterwards. */
  @Post('erasure-requests')
  @HttpCode(202)
  @ApiHeader(ACCESS_HEADER)
  @ApiAcceptedResponse({ standardSchema: erasureAcceptedSchema })
  @BodyLimit(1024)
  @RateLimit('privacyAccess')
  requestErasure(
    @Headers(PRIVACY_ACCESS_HEADER) token: string | undefined,
    @Body({ schema: erasureRequestSchema }) _body: z.infer<typeof erasureRequestSchema>,
  ): Promise<ErasureAccepted> {
    return this.requests.requestErasure(token);
  }
}
