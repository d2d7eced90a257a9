import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DomainException } from '../../engine/errors/domain.exception';
import { assertPeriod } from '../../engine/errors/period';
import { QueueName } from '../../engine/queue/queue-name';
import { ticketScope } from '../auth/access-scope';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { OnTimeRow, SlaPolicyView } from './sla-admin.dto';
import { SlaPolicyRepository } from './sla-policy.repository';
import { OnTimeGrouping, SlaStatsRepository } from './sla-stats.repository';
import { Clock, CLOCK } from '../../engine/clock/clock';

const MAX_RANGE_DAYS = 400;

@Injectable()
export class SlaAdminService {
  constructor(
    private readonly stats: SlaStatsRepository,
    private readonly policyRows: SlaPolicyRepository,
    @InjectQueue(QueueName.Sla) private readonly queue: Queue,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Asks the workers to recompute every live deadline (after a calendar or hours change). */
  async requestRepair(): Promise<{ jobId: string }> {
    const jobId = `repair-${this.clock.now().getTime()}`;
    await this.queue.add('repair', {}, { jobId });
    return { jobId };
  }

  async onTime(
    q: { groupBy: OnTimeGrouping; from: Date; to: Date; unitId?: string; category?: string },
    p: Principal,
  ): Promise<OnTimeRow[]> {
    assertPeriod('sla.bad_period', q.from, q.to, MAX_RANGE_DAYS);
    // Officials see their own unit's figures only (invariant 4 applies to figures too).
    const scope = ticketScope(p);
    const unitId = scope.kind === 'unit' ? scope.unitId : q.unitId;
    return this.stats.onTime(q.groupBy, q.from, q.to, { unitId, categoryCode: q.category });
  }

  policies(): Promise<SlaPolicyView[]> {
    return this.policyRows.list();
  }

  /** Closes the policy in force for the same key and opens the new one. */
  async createPolicy(
    b: { category: string | null; priority: string; responseMinutes: number; resolutionMinutes: number; mode: string; validFrom?: Date },
    p: Principal,
  ): Promise<{ id: number }> {
    let categoryId: number | null = null;
    if (b.category) {
      categoryId = await this.policyRows.categoryId(b.category);
      if (categoryId === null) {
        throw new DomainException('validation', 'sla.unknown_category', `Unknown category "${b.category}"`, {
          issues: [{ field: 'category', rule: 'unknown_category', message: 'Unknown category', messageVi: 'Không có lĩnh vực này' }],
        });
      }
    }
    const from = b.validFrom ?? this.clock.now();
    return this.policyRows.replace(
      {
        categoryId,
        priority: b.priority,
        responseMinutes: b.responseMinutes,
        resolutionMinutes: b.resolutionMinutes,
        mode: b.mode,
        validFrom: from,
        createdBy: p.userId,
      },
      // The change and its audit event commit together.
      (tx, id) => this.audit.record('sla_policy_created', p, `sla_policy:${id}`, { after: { ...b, validFrom: from.toISOString() } }, tx),
    );
  }
}
