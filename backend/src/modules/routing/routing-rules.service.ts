import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { RoutingException } from './routing.exception';
import type { RoutingRuleView } from './routing.dto';
import { RoutingRepository } from './routing.repository';
import { Clock, CLOCK } from '../../engine/clock/clock';

/** Admins add and close effective-dated rules; nothing is edited in place, so history stays true. */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly routing: RoutingRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(q: { category?: string; wardCode?: string; active?: 'true' | 'false' }): Promise<RoutingRuleView[]> {
    return this.routing.rules({ category: q.category, wardCode: q.wardCode, activeAt: q.active === 'true' ? this.clock.now() : undefined });
  }

  async create(
    body: { category: string; wardCode: string | null; unitId: string; validFrom?: string; note: string },
    actor: Principal,
  ): Promise<{ id: number }> {
    const category = await this.routing.category(body.category);
    if (!category) throw RoutingException.unknownCategory(body.category);
    if (!(await this.routing.activeUnit(body.unitId))) throw RoutingException.unknownUnit(body.unitId);
    if (body.wardCode && !(await this.routing.wardExists(body.wardCode))) {
      throw new RoutingException('validation', 'routing.unknown_ward', `No current ward ${body.wardCode}`, {
        issues: [
          {
            field: 'wardCode',
            rule: 'unknown_ward',
            message: 'No current ward with this code',
            messageVi: 'Không có phường, xã với mã này',
          },
        ],
      });
    }
    const id = await this.routing.createRule({
      categoryId: category.id,
      wardCode: body.wardCode,
      unitId: body.unitId,
      validFrom: body.validFrom ? new Date(body.validFrom) : this.clock.now(),
      note: body.note,
      createdBy: actor.userId,
    });
    await this.audit.record('routing_rule_created', actor, `routing_rule:${id}`, { after: body });
    return { id };
  }

  async close(id: number, actor: Principal): Promise<{ id: number; closed: true }> {
    if (!(await this.routing.closeRule(id, this.clock.now()))) {
      throw new RoutingException('not_found', 'routing.rule_not_found', `No open routing rule ${id}`, {
        messageVi: `Không có quy tắc điều phối ${id} đang hiệu lực`,
      });
    }
    await this.audit.record('routing_rule_closed', actor, `routing_rule:${id}`, { before: { open: true }, after: { open: false } });
    return { id, closed: true };
  }
}
