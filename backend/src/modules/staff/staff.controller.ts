import { Body, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import {
  CreateStaffRequest,
  createStaffSchema,
  ImportResult,
  importResultSchema,
  ImportStaffRequest,
  importStaffSchema,
  newStaffAccountSchema,
  StaffAccount,
  staffAccountSchema,
  staffPageSchema,
  StaffQueryRequest,
  staffQuerySchema,
  TemporaryPasswordAnswer,
  temporaryPasswordSchema,
  UpdateStaffRequest,
  updateStaffSchema,
} from './staff.dto';
import { StaffService } from './staff.service';
import { StaffApi, PostAnswering } from '../auth/staff-route.decorator';

const id = z.string().uuid();

@StaffApi('admin', 'api/v1/admin/users', 'admin')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOkResponse({ standardSchema: staffPageSchema })
  list(@Query({ schema: staffQuerySchema }) q: StaffQueryRequest): Promise<{ items: StaffAccount[]; total: number }> {
    return this.staff.list(q);
  }

  /** Answers the account with its temporary password, shown this once. */
  @Post()
  @ApiCreatedResponse({ standardSchema: newStaffAccountSchema })
  create(
    @Body({ schema: createStaffSchema }) body: CreateStaffRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<StaffAccount & TemporaryPasswordAnswer> {
    return this.staff.create(body, p);
  }

  /** Staff from a CSV file; `dryRun` (the default) lists every bad row and writes nothing. */
  @PostAnswering('import', importResultSchema)
  import(@Body({ schema: importStaffSchema }) body: ImportStaffRequest, @CurrentPrincipal() p: Principal): Promise<ImportResult> {
    return this.staff.import(body, p);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: staffAccountSchema })
  get(@Param('id', { schema: id }) userId: string): Promise<StaffAccount> {
    return this.staff.get(userId);
  }

  @Patch(':id')
  @ApiOkResponse({ standardSchema: staffAccountSchema })
  update(
    @Param('id', { schema: id }) userId: string,
    @Body({ schema: updateStaffSchema }) body: UpdateStaffRequest,
    @CurrentPrincipal() p: Principal,
  ): Promise<StaffAccount> {
    return this.staff.update(userId, body, p);
  }

  @PostAnswering(':id/disable', staffAccountSchema)
  disable(@Param('id', { schema: id }) userId: string, @CurrentPrincipal() p: Principal): Promise<StaffAccount> {
    return this.staff.disable(userId, p);
  }

  @PostAnswering(':id/enable', staffAccountSchema)
  enable(@Param('id', { schema: id }) userId: string, @CurrentPrincipal() p: Principal): Promise<StaffAccount> {
    return this.staff.enable(userId, p);
  }

  @PostAnswering(':id/reset-second-factor', staffAccountSchema)
  resetSecondFactor(@Param('id', { schema: id }) userId: string, @CurrentPrincipal() p: Principal): Promise<StaffAccount> {
    return this.staff.resetSecondFactor(userId, p);
  }

  @PostAnswering(':id/reset-password', temporaryPasswordSchema)
  resetPassword(@Param('id', { schema: id }) userId: string, @CurrentPrincipal() p: Principal): Promise<TemporaryPasswordAnswer> {
    return this.staff.resetPassword(userId, p);
  }
}
