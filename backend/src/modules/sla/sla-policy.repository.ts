import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SlaPolicyView } from './sla-admin.dto';

export interface NewSlaPolicy {
  categoryId: number | null;
  priority: string;
  responseMinutes: number;
  resolutionMinutes: number;
  mode: string;
  validFrom: Date;
  createdBy: string;
}

/** The admin's reads and writes of SLA policies (the engine reads them through SlaRepository.policies). */
@Injectable()
export class SlaPolicyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<SlaPolicyView[]> {
    return this.db.query(
      `SELECT p.id, c.code AS category, p.priority::text AS priority, p.response_minutes AS "responseMinutes",
              p.resolution_minutes AS "resolutionMinutes", p.mode::text AS mode, p.valid_from AS "validFrom", p.valid_to AS "validTo"
         FROM sla_policy p LEFT JOIN category c ON c.id = p.category_id
        ORDER BY c.code NULLS FIRST, p.priority, p.valid_from DESC`,
    );
  }

  async categoryId(code: string): Promise<number | null> {
    const rows = await this.db.query(`SELECT id FROM category WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }

  /** Closes the policy in force for the same key and opens the new one, in one transaction. */
  /** Closes the policy in force for the same key and opens `p`, with `alongside` in the same transaction. */
  replace(p: NewSlaPolicy, alongside?: (tx: EntityManager, id: number) => Promise<void>): Promise<{ id: number }> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE sla_policy SET valid_to = greatest($3, valid_from + interval '1 second')
          WHERE category_id IS NOT DISTINCT FROM $1 AND priority = $2::priority AND valid_to IS NULL`,
        [p.categoryId, p.priority, p.validFrom],
      );
      const rows = await tx.query(
        `INSERT INTO sla_policy (category_id, priority, response_minutes, resolution_minutes, mode, valid_from, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [p.categoryId, p.priority, p.responseMinutes, p.resolutionMinutes, p.mode, p.validFrom, p.createdBy],
      );
      await alongside?.(tx, rows[0].id);
      return { id: rows[0].id };
    });
  }
}
