import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OnTimeRow } from './sla-admin.dto';

export type OnTimeGrouping = 'unit' | 'category' | 'ward' | 'month';

export interface OnTimeFilter {
  unitId?: string;
  categoryCode?: string;
  /** Any of these categories. */
  categoryCodes?: string[];
  /** Category group code. */
  group?: string;
  wardCode?: string;
  /** Only categories shown on public maps (the transparency figures). */
  publicOnly?: boolean;
}

const GROUPS: Record<OnTimeGrouping, { key: string; name: string; join: string }> = {
  unit: { key: 'h.code', name: 'h.name', join: 'JOIN handling_unit h ON h.id = r.assigned_unit_id' },
  category: { key: 'c.code', name: 'c.name_vi', join: 'JOIN category c ON c.id = r.category_id' },
  ward: { key: 'a.code', name: 'a.name', join: 'JOIN admin_unit a ON a.id = r.admin_unit_id' },
  month: {
    key: `to_char(r.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')`,
    name: `to_char(r.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'MM/YYYY')`,
    join: '',
  },
};

@Injectable()
export class SlaStatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Reports resolved in [from, to), by group; a report counts once, in the period of its resolution. */
  async onTime(groupBy: OnTimeGrouping, from: Date, to: Date, filter: OnTimeFilter): Promise<OnTimeRow[]> {
    const g = GROUPS[groupBy];
    // Read in a transaction only to switch JIT off: on a million reports compiling this plan took
    // longer than running it (1.6 s of 5 s). ix_report_resolved_at and ix_report_event_rating serve it.
    const rows = await this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL jit = off`);
      return tx.query(
        `SELECT ${g.key} AS key, ${g.name} AS name, count(*)::int AS resolved, count(*) FILTER (WHERE r.resolved_on_time)::int AS "onTime",
                count(rt.rating)::int AS rated, round(avg(rt.rating), 2)::float8 AS satisfaction
           FROM report r ${g.join}
           LEFT JOIN LATERAL (
             SELECT (e.data->>'rating')::int AS rating FROM report_event e
              WHERE e.report_id = r.id AND e.type IN ('rated', 'closed') AND e.data ? 'rating'
              ORDER BY e.id DESC LIMIT 1) rt ON true
          WHERE r.resolved_at >= $1 AND r.resolved_at < $2 AND r.resolved_on_time IS NOT NULL
            AND ($3::uuid IS NULL OR r.assigned_unit_id = $3)
            AND ($4::text IS NULL OR r.category_id = (SELECT id FROM category WHERE code = $4))
            AND ($5::text[] IS NULL OR r.category_id IN (SELECT id FROM category WHERE code = ANY($5)))
            AND ($6::text IS NULL OR r.category_id IN (SELECT id FROM category WHERE group_code = $6))
            AND ($7::text IS NULL OR r.ward_code = $7)
            AND (NOT $8 OR r.category_id IN (SELECT id FROM category WHERE is_public))
          GROUP BY 1, 2 ORDER BY 1`,
        [
          from,
          to,
          filter.unitId ?? null,
          filter.categoryCode ?? null,
          filter.categoryCodes ?? null,
          filter.group ?? null,
          filter.wardCode ?? null,
          filter.publicOnly ?? false,
        ],
      );
    });
    return rows.map((r: Omit<OnTimeRow, 'rate'>) => ({
      ...r,
      rate: r.resolved ? Math.round((r.onTime / r.resolved) * 10000) / 10000 : null,
    }));
  }
}
