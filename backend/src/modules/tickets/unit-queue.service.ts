import { Injectable } from '@nestjs/common';
import { DomainException } from '../../engine/errors/domain.exception';
import { canTouch, ticketScope } from '../auth/access-scope';
import type { Principal } from '../auth/principal';
import type { QueueItem } from './tickets.dto';
import { UnitQueueRepository } from './unit-queue.repository';

@Injectable()
export class UnitQueueService {
  constructor(private readonly units: UnitQueueRepository) {}

  /** What a unit's officials open every morning; an official reads only their own unit's queue. */
  async queue(unitId: string, principal: Principal, page: { limit: number; offset: number }): Promise<QueueItem[]> {
    if (!canTouch(ticketScope(principal), unitId)) {
      throw new DomainException('forbidden', 'units.not_your_unit', "You can open only your own unit's queue", {
        messageVi: 'Bạn chỉ xem được hàng đợi của đơn vị mình',
      });
    }
    const rows = await this.units.queue(unitId, page.limit, page.offset);
    return rows.map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      responseDueAt: r.responseDueAt && new Date(r.responseDueAt).toISOString(),
      resolutionDueAt: r.resolutionDueAt && new Date(r.resolutionDueAt).toISOString(),
    }));
  }
}
