import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../engine/database/transactional.repository';
import { EntityManager } from 'typeorm';
import type { ReportStatus } from '../report-record/report-status';

export interface TicketRow {
  id: string;
  code: string;
  status: ReportStatus;
  version: number;
  assignedUnitId: string | null;
  resolvedAt: Date | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
}

const TICKET = `id, code, status::text AS status, version, assigned_unit_id AS "assignedUnitId", resolved_at AS "resolvedAt",
  reporter_email AS "reporterEmail", reporter_phone AS "reporterPhone"`;

@Injectable()
export class TicketsRepository extends TransactionalRepository {
  async lock(tx: EntityManager, where: { id?: string; code?: string }): Promise<TicketRow | null> {
    const [column, value] = where.id ? ['id', where.id] : ['code', where.code];
    const rows = await tx.query(`SELECT ${TICKET} FROM report WHERE ${column} = $1 FOR UPDATE`, [value]);
    return rows[0] ?? null;
  }

  /** Attaches staged uploads to the ticket as resolution photos, on the event that resolved it. */
  async claimResolutionPhotos(tx: EntityManager, reportId: string, eventId: string, uploadIds: string[]): Promise<number> {
    if (uploadIds.length === 0) return 0;
    const rows = await tx.query(
      `WITH claimed AS (
         UPDATE upload SET claimed_at = now() WHERE id = ANY($3::uuid[]) AND claimed_at IS NULL
         RETURNING id, storage_key, content_type, size_bytes, width, height, sha256)
       INSERT INTO attachment (id, report_id, event_id, kind, storage_key, content_type, size_bytes, width, height, sha256)
       SELECT id, $1, $2, 'resolution', storage_key, content_type, size_bytes, width, height, sha256 FROM claimed
       RETURNING id`,
      [reportId, eventId, uploadIds],
    );
    return rows.length;
  }

  /** How many times the ticket was reopened (its cycle is one more). */
  async reopenings(q: EntityManager, reportId: string): Promise<number> {
    const rows = await q.query(`SELECT count(*)::int AS n FROM report_event WHERE report_id = $1 AND type = 'reopened'`, [reportId]);
    return rows[0].n;
  }

  async ratedInCycle(q: EntityManager, reportId: string, cycle: number): Promise<boolean> {
    const rows = await q.query(`SELECT 1 FROM report_rating WHERE report_id = $1 AND cycle = $2`, [reportId, cycle]);
    return rows.length > 0;
  }

  /** Claims the cycle's one rating for the event; false when the cycle was already rated (its key is taken). */
  async claimRating(tx: EntityManager, reportId: string, cycle: number, eventId: string): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO report_rating (report_id, cycle, event_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING cycle`,
      [reportId, cycle, eventId],
    );
    return rows.length > 0;
  }

  /** The ticket by code, without a lock (a read of the public page). */
  async byCode(code: string): Promise<TicketRow | null> {
    const rows = await this.db.query(`SELECT ${TICKET} FROM report WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async byId(id: string): Promise<TicketRow | null> {
    const rows = await this.db.query(`SELECT ${TICKET} FROM report WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  get manager(): EntityManager {
    return this.db.manager;
  }

  async categoryOf(id: string): Promise<{ categoryId: number; priority: string } | null> {
    const rows = await this.db.query(`SELECT category_id AS "categoryId", priority::text AS priority FROM report WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }
}
