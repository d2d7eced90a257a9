import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
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

const id = z.string().uuid();

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin/users')
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
  @Post('import')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: importResultSchema })
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

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: staffAccountSchema })
  disable(@Param('id', { schema: id }) userId: string, @CurrentPrincipal() p: Principal): Promise<StaffAccount> {
    return this.staff.disable(userId, p);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: staffAccountSchema })
  enable(@Param('id', { schema: id }) userId: string, @CurrentPrincipal() p: Principal): Promise<StaffAccount> {
    return this.staff.enable(userId, p);
  }

  @Post(':id/reset-second-factor')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: staffAccountSchema })
  resetSecondFactor(@Param('id', { schema: id }) userId: string, @CurrentPrincipal() p: Principal): Promise<StaffAccount> {
    return this.staff.resetSecondFactor(userId, p);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: temporaryPasswordSchema })
  resetPassword(@Param('id', { schema: id }) userId: string, @CurrentPrincipal() p: Principal): Promise<TemporaryPasswordAnswer> {
    return this.staff.resetPassword(userId, p);
  }
}
