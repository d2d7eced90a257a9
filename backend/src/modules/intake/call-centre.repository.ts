import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../engine/database/transactional.repository';
import { EntityManager } from 'typeorm';
import type { CallerReport } from './intake.dto';
import { DUPLICATE_RADIUS_M, DUPLICATE_WINDOW_HOURS } from './duplicate-score';
import { DROPPED_STATUS_SQL, endedBeforeSql } from '../report-record/report-status';
import type { ReportSummary } from '../report-record/report-summary';

export interface DuplicateRow extends ReportSummary {
  description: string;
  address: string | null;
  createdAt: string;
  distanceM: number;
  ageHours: number;
  textSimilarity: number;
  sameCategory: boolean;
}

const SUMMARY = `r.id, r.code, r.status::text AS status,
  json_build_object('code', c.code, 'nameVi', c.name_vi, 'nameEn', c.name_en) AS category,
  json_build_object('code', a.code, 'name', a.name) AS ward`;

@Injectable()
export class CallCentreRepository extends TransactionalRepository {
  /**
   * Reports of the same category or its group within the radius and window. The bounding box
   * (0.003° ≈ 330 m) lets the GiST index find candidates; the geography distance then decides.
   */
  async nearbyCandidates(categoryCode: string, lng: number, lat: number, text: string): Promise<DuplicateRow[]> {
    return this.db.query(
      `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($2, $3), 4326) AS pt),
            want AS (SELECT id, group_code FROM category WHERE code = $1)
       SELECT ${SUMMARY}, r.description, r.address, r.created_at AS "createdAt",
              round(ST_Distance(r.point::geography, p.pt::geography)::numeric, 1)::float8 AS "distanceM",
              extract(epoch FROM now() - r.created_at) / 3600 AS "ageHours",
              CASE WHEN $4 = '' THEN 0 ELSE similarity(f_search_key(r.description), f_search_key($4)) END AS "textSimilarity",
              r.category_id = want.id AS "sameCategory"
         FROM report r
         JOIN category c ON c.id = r.category_id
         JOIN admin_unit a ON a.id = r.admin_unit_id
         CROSS JOIN p CROSS JOIN want
        WHERE r.point && ST_Expand(p.pt, 0.003)
          AND ST_DWithin(r.point::geography, p.pt::geography, $5)
          AND r.created_at > now() - make_interval(hours => $6)
          AND r.status NOT IN ${DROPPED_STATUS_SQL}
          AND c.group_code = want.group_code
        LIMIT 200`,
      [categoryCode, lng, lat, text, DUPLICATE_RADIUS_M, DUPLICATE_WINDOW_HOURS],
    );
  }

  /** Reports the number filed, and those it called about, newest first. */
  callerHistory(phone: string): Promise<CallerReport[]> {
    // A reporter who hid their identity is never matched by their number: a caller ID proves
    // nothing, and "this number filed that report" is what they chose not to tell.
    return this.db.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (r.id) ${SUMMARY}, r.created_at AS "createdAt",
                CASE WHEN r.reporter_phone = $1 AND NOT r.hide_identity THEN 'reporter' ELSE 'caller' END AS relation
           FROM report r
           JOIN category c ON c.id = r.category_id
           JOIN admin_unit a ON a.id = r.admin_unit_id
          WHERE (r.reporter_phone = $1 AND NOT r.hide_identity)
             OR r.id IN (SELECT report_id FROM report_caller WHERE phone = $1)
          ORDER BY r.id) x
       ORDER BY "createdAt" DESC LIMIT 50`,
      [phone],
    );
  }

  /** Who called about a report, kept apart from the timeline (which only says that a caller was added); returns the row's id. */
  async insertCaller(
    tx: EntityManager,
    reportId: string,
    caller: { phone: string; name: string | null; note: string | null },
    operatorId: string,
  ): Promise<string> {
    const [stored] = await tx.query(
      `INSERT INTO report_caller (report_id, phone, name, note, operator_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [reportId, caller.phone, caller.name, caller.note, operatorId],
    );
    return stored.id;
  }

  /** Deletes up to `limit` callers attached to reports that ended before `cutoff` (retention); returns how many. */
  async deleteCallersOfReportsEndedBefore(cutoff: Date, limit: number): Promise<number> {
    const rows = await this.db.query(
      `WITH gone AS (
         DELETE FROM report_caller
          WHERE id IN (SELECT c.id FROM report_caller c JOIN report r ON r.id = c.report_id
                        WHERE ${endedBeforeSql('r', '$1')}
                        LIMIT $2
                        FOR UPDATE OF c SKIP LOCKED)
          RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [cutoff, limit],
    );
    return rows[0].n;
  }
}
