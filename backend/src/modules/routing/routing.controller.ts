import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import {
  closedRuleResponse,
  createdRuleResponse,
  createRuleSchema,
  reclassifySchema,
  routingRulesResponse,
  RoutingRuleView,
  rulesQuery,
  transferResultSchema,
  transferSchema,
} from './routing.dto';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingService } from './routing.service';
import { StaffOnly, StaffPost } from '../auth/staff-route.decorator';

@ApiTags('routing')
@Controller('api/v1')
export class RoutingController {
  constructor(
    private readonly routing: RoutingService,
    private readonly rules: RoutingRulesService,
  ) {}

  @StaffPost('reports/:id/transfer', transferResultSchema, ['ward_official', 'department_official', 'admin'])
  transfer(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Body({ schema: transferSchema }) body: z.infer<typeof transferSchema>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.routing.transfer(id, body.unitId, body.reason, p);
  }

  @StaffOnly('ward_official', 'department_official', 'operator', 'admin')
  @Post('reports/:id/reclassify')
  @HttpCode(200)
  reclassify(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Body({ schema: reclassifySchema }) body: z.infer<typeof reclassifySchema>,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.routing.reclassify(id, body, p);
  }

  @StaffOnly('admin', 'leader')
  @Get('admin/routing-rules')
  @ApiOkResponse({ standardSchema: routingRulesResponse })
  list(@Query({ schema: rulesQuery }) q: z.infer<typeof rulesQuery>): Promise<RoutingRuleView[]> {
    return this.rules.list(q);
  }

  @StaffPost('admin/routing-rules', createdRuleResponse, ['admin'], 201)
  create(
    @Body({ schema: createRuleSchema }) body: z.infer<typeof createRuleSchema>,
    @CurrentPrincipal() p: Principal,
  ): Promise<{ id: number }> {
    return this.rules.create(body, p);
  }

  @StaffPost('admin/routing-rules/:id/close', closedRuleResponse, ['admin'])
  close(
    @Param('id', { schema: z.coerce.number().int().positive() }) id: number,
    @CurrentPrincipal() p: Principal,
  ): Promise<{ id: number; closed: true }> {
    return this.rules.close(id, p);
  }
}
