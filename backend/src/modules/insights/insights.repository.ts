import { Injectable } from '@nestjs/common';
import { ReadReplica } from '../../engine/database/read-replica';
import { DataSource } from 'typeorm';
import { CELL_M } from './grid';

export interface TopIssueRow {
  i: number;
  j: number;
  count: number;
  previousCount: number;
  categoryCode: string;
  nameVi: string;
  nameEn: string;
  wardCode: string;
  wardName: string;
  trend: number[];
}

export interface CellCountRow {
  i: number;
  j: number;
  count: number;
}

// Rejected reports (spam, out of scope) are not issues; merged duplicates still count as citizens' voice.
const COUNTED = `r.status <> 'rejected'`;

@Injectable()
export class InsightsRepository {
  constructor(private readonly reads: ReadReplica) {}

  /** Reads that tolerate replication lag: the replica of DATABASE_READ_URL while it answers, else the primary. */
  private get db(): DataSource {
    return this.reads.source();
  }

  /**
   * Clusters of category × 500 m cell with reports in [from, to), ranked by count then growth
   * over [previousFrom, from); the ward is the one holding most of the cluster's reports in the period.
   */
  topIssues(q: {
    previousFrom: Date;
    from: Date;
    to: Date;
    limit: number;
    buckets: number;
    bucketSeconds: number;
  }): Promise<TopIssueRow[]> {
    return this.db.query(
      `WITH r AS (
         SELECT r.category_id, r.admin_unit_id, r.created_at,
                floor(ST_X(r.point_3857) / $5)::int AS i, floor(ST_Y(r.point_3857) / $5)::int AS j
           FROM report r
          WHERE r.created_at >= $1 AND r.created_at < $3 AND ${COUNTED}
       ), clusters AS (
         SELECT category_id, i, j,
                count(*) FILTER (WHERE created_at >= $2)::int AS count,
                count(*) FILTER (WHERE created_at < $2)::int AS "previousCount",
                mode() WITHIN GROUP (ORDER BY admin_unit_id) FILTER (WHERE created_at >= $2) AS admin_unit_id
           FROM r GROUP BY category_id, i, j
         HAVING count(*) FILTER (WHERE created_at >= $2) > 0
       ), top AS (
         SELECT * FROM clusters
          ORDER BY count DESC, count - "previousCount" DESC, category_id, i, j
          LIMIT $4
       )
       SELECT t.i, t.j, t.count, t."previousCount", c.code AS "categoryCode", c.name_vi AS "nameVi", c.name_en AS "nameEn",
              a.code AS "wardCode", a.name AS "wardName",
              (SELECT array_agg(coalesce(b.n, 0) ORDER BY s.k)
                 FROM generate_series(0, $6 - 1) s(k)
                 LEFT JOIN (SELECT floor(extract(epoch FROM r.created_at - $2) / $7)::int AS k, count(*)::int AS n
                              FROM r WHERE r.category_id = t.category_id AND r.i = t.i AND r.j = t.j AND r.created_at >= $2
                             GROUP BY 1) b ON b.k = s.k) AS trend
         FROM top t
         JOIN category c ON c.id = t.category_id
         JOIN admin_unit a ON a.id = t.admin_unit_id
        ORDER BY t.count DESC, t.count - t."previousCount" DESC, c.code, t.i, t.j`,
      [q.previousFrom, q.from, q.to, q.limit, CELL_M, q.buckets, q.bucketSeconds],
    );
  }

  /** Reports per 500 m cell in [from, to), optionally for one category; only cells with reports. */
  cellCounts(q: { from: Date; to: Date; categoryCode?: string }): Promise<CellCountRow[]> {
    return this.db.query(
      `SELECT floor(ST_X(r.point_3857) / $3)::int AS i, floor(ST_Y(r.point_3857) / $3)::int AS j, count(*)::int AS count
         FROM report r
        WHERE r.created_at >= $1 AND r.created_at < $2 AND ${COUNTED}
          AND ($4::text IS NULL OR r.category_id = (SELECT id FROM category WHERE code = $4))
        GROUP BY 1, 2`,
      [q.from, q.to, CELL_M, q.categoryCode ?? null],
    );
  }
}
