import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException } from '../../engine/errors/domain.exception';
import { QueueName } from '../../engine/queue/queue-name';
import { ticketScope } from '../auth/access-scope';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { OnTimeGrouping, OnTimeRow, SlaStatsRepository } from './sla-stats.repository';

export interface SlaPolicyView {
  id: number;
  category: string | null;
  priority: string;
  responseMinutes: number;
  resolutionMinutes: number;
  mode: string;
  validFrom: string;
  validTo: string | null;
}

const MAX_RANGE_MS = 400 * 86_400_000;

@Injectable()
export class SlaAdminService {
  constructor(
    private readonly stats: SlaStatsRepository,
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Sla) private readonly queue: Queue,
    private readonly audit: AuditService,
  ) {}

  /** Asks the workers to recompute every live deadline (after a calendar or hours change). */
  async requestRepair(): Promise<{ jobId: string }> {
    const jobId = `repair-${Date.now()}`;
    await this.queue.add('repair', {}, { jobId });
    return { jobId };
  }

  async onTime(q: { groupBy: OnTimeGrouping; from: Date; to: Date; unitId?: string; category?: string }, p: Principal): Promise<OnTimeRow[]> {
    if (q.to <= q.from || q.to.getTime() - q.from.getTime() > MAX_RANGE_MS) {
      throw new DomainException('validation', 'sla.bad_period', 'The period must run forward and span at most 400 days', {
        issues: [{ field: 'to', rule: 'range', message: 'to must be after from, at most 400 days later', messageVi: 'Khoảng thời gian không hợp lệ (tối đa 400 ngày)' }],
      });
    }
    // Officials see their own unit's figures only (invariant 4 applies to figures too).
    const scope = ticketScope(p);
    const unitId = scope.kind === 'unit' ? scope.unitId : q.unitId;
    return this.stats.onTime(q.groupBy, q.from, q.to, { unitId, categoryCode: q.category });
  }

  policies(): Promise<SlaPolicyView[]> {
    return this.db.query(
      `SELECT p.id, c.code AS category, p.priority::text AS priority, p.response_minutes AS "responseMinutes",
              p.resolution_minutes AS "resolutionMinutes", p.mode::text AS mode, p.valid_from AS "validFrom", p.valid_to AS "validTo"
         FROM sla_policy p LEFT JOIN category c ON c.id = p.category_id
        ORDER BY c.code NULLS FIRST, p.priority, p.valid_from DESC`,
    );
  }

  /** Closes the policy in force for the same key and opens the new one, in one transaction. */
  async createPolicy(b: { category: string | null; priority: string; responseMinutes: number; resolutionMinutes: number; mode: string; validFrom?: Date }, p: Principal): Promise<{ id: number }> {
    return this.db.transaction(async (tx) => {
      let categoryId: number | null = null;
      if (b.category) {
        const rows = await tx.query(`SELECT id FROM category WHERE code = $1`, [b.category]);
        if (!rows[0]) {
          throw new DomainException('validation', 'sla.unknown_category', `Unknown category "${b.category}"`, {
            issues: [{ field: 'category', rule: 'unknown_category', message: 'Unknown category', messageVi: 'Không có lĩnh vực này' }],
          });
        }
        categoryId = rows[0].id;
      }
      const from = b.validFrom ?? new Date();
      await tx.query(
        `UPDATE sla_policy SET valid_to = greatest($3, valid_from + interval '1 second')
          WHERE category_id IS NOT DISTINCT FROM $1 AND priority = $2::priority AND valid_to IS NULL`,
        [categoryId, b.priority, from],
      );
      const rows = await tx.query(
        `INSERT INTO sla_policy (category_id, priority, response_minutes, resolution_minutes, mode, valid_from, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [categoryId, b.priority, b.responseMinutes, b.resolutionMinutes, b.mode, from, p.userId],
      );
      await this.audit.record('sla_policy_created', p, `sla_policy:${rows[0].id}`, { after: { ...b, validFrom: from.toISOString() } }, tx);
      return { id: rows[0].id };
    });
  }
}
