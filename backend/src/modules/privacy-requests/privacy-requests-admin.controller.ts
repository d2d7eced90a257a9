import { Body, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { StaffApi, StaffOnly, StaffPost } from '../auth/staff-route.decorator';
import {
  NewPrivacyRequest,
  newPrivacyRequestSchema,
  PersonalDataExport,
  personalDataExportSchema,
  PrivacyRequestListQuery,
  privacyRequestListQuerySchema,
  PrivacyRequestPage,
  privacyRequestPageSchema,
  PrivacyRequestView,
  privacyRequestViewSchema,
  rejectPrivacyRequestSchema,
} from './privacy-requests.dto';
import { PrivacyRequestsService } from './privacy-requests.service';

const idParam = z.string().uuid();

/**
 * Requests about personal data received by phone, letter or at the desk, and every request's
 * handling. Admins see and handle all; a call-centre operator logs calls and sees those they logged.
 */
@StaffApi('admin', 'api/v1/admin/privacy-requests', 'admin', 'operator')
export class PrivacyRequestsAdminController {
  constructor(private readonly requests: PrivacyRequestsService) {}

  @Get()
  @ApiOkResponse({ standardSchema: privacyRequestPageSchema })
  list(
    @Query({ schema: privacyRequestListQuerySchema }) q: PrivacyRequestListQuery,
    @CurrentPrincipal() p: Principal,
  ): Promise<PrivacyRequestPage> {
    return this.requests.list(p, q);
  }

  @StaffPost('', privacyRequestViewSchema, ['admin', 'operator'], 201)
  create(
    @Body({ schema: newPrivacyRequestSchema }) body: NewPrivacyRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<PrivacyRequestView> {
    return this.requests.create(p, body);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: privacyRequestViewSchema })
  get(@Param('id', { schema: idParam }) id: string, @CurrentPrincipal() p: Principal): Promise<PrivacyRequestView> {
    return this.requests.get(p, id);
  }

  /** Everything held about the request's subject, for a letter answer (while the request is open). */
  @Get(':id/export')
  @StaffOnly('admin')
  @ApiOkResponse({ standardSchema: personalDataExportSchema })
  export(@Param('id', { schema: idParam }) id: string, @CurrentPrincipal() p: Principal): Promise<PersonalDataExport> {
    return this.requests.exportFor(p, id);
  }

  /** Completes it: an access request records its answer, an erasure runs now. */
  @StaffPost(':id/complete', privacyRequestViewSchema, ['admin'])
  complete(@Param('id', { schema: idParam }) id: string, @CurrentPrincipal() p: Principal): Promise<PrivacyRequestView> {
    return this.requests.complete(p, id);
  }

  @StaffPost(':id/reject', privacyRequestViewSchema, ['admin'])
  reject(
    @Param('id', { schema: idParam }) id: string,
    @Body({ schema: rejectPrivacyRequestSchema }) body: z.infer<typeof rejectPrivacyRequestSchema>,
    @CurrentPrincipal() p: Principal,
  ): Promise<PrivacyRequestView> {
    return this.requests.reject(p, id, body.reason);
  }
}
