import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { isoInstant } from '../../engine/http/text.schema';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { PRIORITIES } from '../categories/category.entity';
import { createdPolicyResponse, onTimeResponse, OnTimeRow, repairJobResponse, slaPoliciesResponse, SlaPolicyView } from './sla-admin.dto';
import { SlaAdminService } from './sla-admin.service';

const onTimeQuery = z.object({
  groupBy: z.enum(['unit', 'category', 'ward', 'month']).default('unit'),
  from: isoInstant(),
  to: isoInstant(),
  unitId: z.string().uuid().optional(),
  category: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});

const policyBody = z
  .object({
    category: z
      .string()
      .max(64)
      .regex(/^[a-z0-9-]+$/)
      .nullable()
      .default(null),
    priority: z.enum(PRIORITIES as ['low', 'normal', 'high', 'urgent']),
    responseMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 365),
    resolutionMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 365),
    mode: z.enum(['business', 'calendar']).default('business'),
    validFrom: isoInstant().optional(),
  })
  .strict()
  .meta({ id: 'SlaPolicyRequest' });

@ApiTags('sla')
@ApiBearerAuth()
@Controller('api/v1')
export class SlaAdminController {
  constructor(private readonly admin: SlaAdminService) {}

  /** The city's published figure: resolved on time ÷ resolved, per unit, category, ward or month. */
  @Roles('leader', 'admin', 'ward_official', 'department_official')
  @Get('stats/on-time')
  @ApiOkResponse({ standardSchema: onTimeResponse })
  onTime(@Query({ schema: onTimeQuery }) q: z.infer<typeof onTimeQuery>, @CurrentPrincipal() p: Principal): Promise<OnTimeRow[]> {
    return this.admin.onTime({ ...q, from: new Date(q.from), to: new Date(q.to) }, p);
  }

  @Roles('admin', 'leader')
  @Get('admin/sla-policies')
  @ApiOkResponse({ standardSchema: slaPoliciesResponse, description: 'Every policy, past and future ones included' })
  policies(): Promise<SlaPolicyView[]> {
    return this.admin.policies();
  }

  /** Recompute every live deadline now (the workers also do it nightly). */
  @Roles('admin')
  @Post('admin/sla/repair')
  @HttpCode(202)
  @ApiAcceptedResponse({ standardSchema: repairJobResponse })
  repair(): Promise<{ jobId: string }> {
    return this.admin.requestRepair();
  }

  /** A new policy supersedes the one in force for the same category × priority from its validFrom. */
  @Roles('admin')
  @Post('admin/sla-policies')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: createdPolicyResponse })
  create(@Body({ schema: policyBody }) body: z.infer<typeof policyBody>, @CurrentPrincipal() p: Principal): Promise<{ id: number }> {
    return this.admin.createPolicy({ ...body, validFrom: body.validFrom ? new Date(body.validFrom) : undefined }, p);
  }
}
