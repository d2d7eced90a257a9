import { Injectable } from '@nestjs/common';
import type { QueueItem } from './tickets.dto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TERMINAL_STATUS_SQL } from '../report-record/report-status';

@Injectable()
export class UnitQueueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A unit's open tickets, most urgent deadline first (ix_report_unit_due serves the order). */
  queue(unitId: string, limit: number, offset: number): Promise<QueueItem[]> {
    return this.db.query(
      `SELECT r.id, r.code, r.status::text AS status, r.priority::text AS priority,
              json_build_object('code', c.code, 'nameVi', c.name_vi, 'nameEn', c.name_en) AS category,
              json_build_object('code', a.code, 'name', a.name) AS ward,
              json_build_object('lat', ST_Y(r.point), 'lng', ST_X(r.point)) AS location,
              r.created_at AS "createdAt", r.response_due_at AS "responseDueAt", r.resolution_due_at AS "resolutionDueAt",
              (SELECT s.state FROM sla_clock s WHERE s.report_id = r.id AND s.kind = 'resolution' ORDER BY s.cycle DESC LIMIT 1) AS "slaState"
         FROM report r
         JOIN category c ON c.id = r.category_id
         JOIN admin_unit a ON a.id = r.admin_unit_id
        WHERE r.assigned_unit_id = $1 AND r.status NOT IN ${TERMINAL_STATUS_SQL}
        ORDER BY r.resolution_due_at NULLS LAST, r.created_at
        LIMIT $2 OFFSET $3`,
      [unitId, limit, offset],
    );
  }
}
