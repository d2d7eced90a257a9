import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { QueueItem, queueItemSchema } from './tickets.dto';
import { UnitQueueService } from './unit-queue.service';
import { StaffApi } from '../auth/staff-route.decorator';

const page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** A unit's queue of open tickets, under the units path it has always had (and its OpenAPI operation id). */
@StaffApi('units', 'api/v1/units', 'operator', 'ward_official', 'department_official', 'leader', 'admin')
export class UnitQueueController {
  constructor(private readonly units: UnitQueueService) {}

  @Get(':id/queue')
  @ApiOperation({ operationId: 'UnitsController_queue', summary: undefined })
  @ApiOkResponse({ standardSchema: z.array(queueItemSchema) })
  queue(
    @Param('id', { schema: z.string().uuid() }) id: string,
    @Query({ schema: page }) p: z.infer<typeof page>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QueueItem[]> {
    return this.units.queue(id, principal, p);
  }
}
