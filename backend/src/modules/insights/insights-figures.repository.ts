import { Injectable } from '@nestjs/common';
import { ReadReplica } from '../../engine/database/read-replica';
import { DataSource } from 'typeorm';
import { PUBLIC_SNAP_M, WORLD_M } from '../maps/tile-grid';
import { CELL_M } from './grid';
import { ANSWERED_STATUS_SQL, DROPPED_STATUS_SQL, TERMINAL_STATUS_SQL } from '../report-record/report-status';

/** The leaders' filters as SQL parameters; null means "any". */
export interface ReportFilter {
  group: string | null;
  categories: string[] | null;
  unitId: string | null;
}

export interface WardCountRow {
  code: string;
  name: string;
  population: number | null;
  received: number;
  backlog: number;
  overdue: number;
}

export interface UnitCountRow {
  unitId: string;
  code: string;
  name: string;
  nameEn: string;
  kind: 'ward_committee' | 'department' | 'utility' | 'city';
  received: number;
}

export interface RecurrenceRow {
  category: string;
  categoryName: string;
  earlierId: string;
  earlierCode: string;
  earlierLat: number;
  earlierLng: number;
  earlierWard: string;
  earlierCreatedAt: Date;
  earlierClosedAt: Date;
  laterId: string;
  laterCode: string;
  laterLat: number;
  laterLng: number;
  laterWard: string;
  laterCreatedAt: Date;
  laterClosedAt: Date | null;
}

export interface CategoryCountRow {
  category: string;
  name: string;
  nameEn: string;
  count: number;
}

// Rejected reports (spam, out of scope) are not issues; merged duplicates still count as citizens' voice.
const RECEIVED = `r.status <> 'rejected'`;
// Written as the partial index ix_report_unit_due is, so the planner can read the open set from it.
const OPEN = `r.status NOT IN ${TERMINAL_STATUS_SQL}`;
const ORIGIN = -WORLD_M / 2;

/** The filter on report `r` joined with its category `c`; parameters $n (group), $n+1 (categories), $n+2 (unit). */
const filterSql = (n: number) =>
  `($${n}::text IS NULL OR c.group_code = $${n}) AND ($${n + 1}::text[] IS NULL OR c.code = ANY($${n + 1}::text[]))
   AND ($${n + 2}::uuid IS NULL OR r.assigned_unit_id = $${n + 2}::uuid)`;
const filterParams = (f: ReportFilter) => [f.group, f.categories, f.unitId];

/**
 * Counts behind the insight endpoints. Resolution figures (resolved, on time, ratings) come from
 * the SLA module's statistics, so "on time" has one definition; these are the rest.
 */
@Injectable()
export class InsightsFiguresRepository {
  constructor(private readonly reads: ReadReplica) {}

  /** Reads that tolerate replication lag: the replica of DATABASE_READ_URL while it answers, else the primary. */
  private get db(): DataSource {
    return this.reads.source();
  }

  /**
   * Per current ward (all of them, zeros included, by code): reports received in [from, to), and
   * the backlog open at `now` with the overdue part of it, whenever filed. `wardCode` narrows to one
   * ward; `publicOnly` counts public categories only and skips the backlog.
   */
  wardCounts(q: {
    from: Date;
    to: Date;
    now: Date;
    filter: ReportFilter;
    wardCode?: string;
    publicOnly?: boolean;
  }): Promise<WardCountRow[]> {
    return this.db.query(
      `WITH received AS (
         SELECT r.ward_code, count(*)::int AS n
           FROM report r JOIN category c ON c.id = r.category_id
          WHERE r.created_at >= $1 AND r.created_at < $2 AND ${RECEIVED} AND ${filterSql(4)}
            AND ($7::text IS NULL OR r.ward_code = $7) AND (NOT $8 OR c.is_public)
          GROUP BY 1
       ), open AS (
         SELECT r.ward_code, count(*)::int AS backlog, count(*) FILTER (WHERE r.resolution_due_at < $3)::int AS overdue
           FROM report r JOIN category c ON c.id = r.category_id
          WHERE NOT $8 AND ${OPEN} AND ${filterSql(4)} AND ($7::text IS NULL OR r.ward_code = $7)
          GROUP BY 1
       )
       SELECT a.code, a.name, a.population, coalesce(rc.n, 0) AS received, coalesce(o.backlog, 0) AS backlog, coalesce(o.overdue, 0) AS overdue
         FROM admin_unit a
         LEFT JOIN received rc ON rc.ward_code = a.code
         LEFT JOIN open o ON o.ward_code = a.code
        WHERE a.valid_to IS NULL AND ($7::text IS NULL OR a.code = $7)
        ORDER BY a.code`,
      [q.from, q.to, q.now, ...filterParams(q.filter), q.wardCode ?? null, q.publicOnly ?? false],
    );
  }

  /** The ward's open reports by category, largest first. */
  backlogByCategory(wardCode: string, filter: ReportFilter): Promise<CategoryCountRow[]> {
    return this.db.query(
      `SELECT c.code AS category, c.name_vi AS name, c.name_en AS "nameEn", count(*)::int AS count
         FROM report r JOIN category c ON c.id = r.category_id
        WHERE r.ward_code = $1 AND ${OPEN} AND ${filterSql(2)}
        GROUP BY c.code, c.name_vi, c.name_en
        ORDER BY count DESC, c.code`,
      [wardCode, ...filterParams(filter)],
    );
  }

  /**
   * Hours from filing to resolution of the ward's reports resolved in [from, to) — the same set
   * the SLA statistics count as resolved (a verdict on the deadline, so a reopened report only
   * at its last resolution).
   */
  async resolveHours(wardCode: string, from: Date, to: Date, filter: ReportFilter): Promise<number[]> {
    const rows: { hours: number[] | null }[] = await this.db.query(
      `SELECT array_agg(extract(epoch FROM r.resolved_at - r.created_at)::float8 / 3600) AS hours
         FROM report r JOIN category c ON c.id = r.category_id
        WHERE r.ward_code = $1 AND r.resolved_at >= $2 AND r.resolved_at < $3 AND r.resolved_on_time IS NOT NULL AND ${filterSql(4)}`,
      [wardCode, from, to, ...filterParams(filter)],
    );
    return rows[0]?.hours ?? [];
  }

  /** Active handling units (optionally of one kind), with the reports filed in [from, to) now assigned to each. */
  unitCounts(q: { from: Date; to: Date; kind: string | null; filter: ReportFilter }): Promise<UnitCountRow[]> {
    return this.db.query(
      `SELECT h.id AS "unitId", h.code, h.name, h.name_en AS "nameEn", h.kind::text AS kind, coalesce(rc.n, 0) AS received
         FROM handling_unit h
         LEFT JOIN (
           SELECT r.assigned_unit_id, count(*)::int AS n
             FROM report r JOIN category c ON c.id = r.category_id
            WHERE r.created_at >= $1 AND r.created_at < $2 AND ${RECEIVED} AND ${filterSql(4)}
            GROUP BY 1) rc ON rc.assigned_unit_id = h.id
        WHERE h.active AND ($3::text IS NULL OR h.kind::text = $3) AND ($6::uuid IS NULL OR h.id = $6::uuid)
        ORDER BY h.code`,
      [q.from, q.to, q.kind, ...filterParams(q.filter)],
    );
  }

  /**
   * Every pair (earlier, later) where `later` was filed in [from, to) and an `earlier` report of
   * the same category within `radiusM` ground metres had been resolved (or closed) at most `days`
   * days before. Driven by the later reports (created_at index); each probes ix_report_done_point,
   * the GiST index over (point_3857, resolved_at) of resolved and closed reports, with both the
   * box and the time window (a ground metre is 1/cos(latitude) projected metres). A closed report
   * keeps its resolution time in resolved_at (closing comes after resolving).
   * Measured on a million reports: ~0.3 ms a probe; JIT compilation cost more than the query.
   */
  recurrences(q: { from: Date; to: Date; days: number; radiusM: number; filter: ReportFilter }): Promise<RecurrenceRow[]> {
    return this.withoutJit(
      `WITH later AS (
         SELECT r.id, r.code, r.category_id, r.point, r.point_3857, r.ward_code, r.created_at,
                CASE WHEN r.status IN ${ANSWERED_STATUS_SQL} THEN r.resolved_at END AS closed_at
           FROM report r JOIN category c ON c.id = r.category_id
          WHERE r.created_at >= $1 AND r.created_at < $2 AND r.status NOT IN ${DROPPED_STATUS_SQL} AND ${filterSql(5)}
       )
       SELECT c.code AS category, c.name_vi AS "categoryName",
              e.id AS "earlierId", e.code AS "earlierCode", ST_Y(e.point) AS "earlierLat", ST_X(e.point) AS "earlierLng",
              e.ward_code AS "earlierWard", e.created_at AS "earlierCreatedAt", e.closed_at AS "earlierClosedAt",
              l.id AS "laterId", l.code AS "laterCode", ST_Y(l.point) AS "laterLat", ST_X(l.point) AS "laterLng",
              l.ward_code AS "laterWard", l.created_at AS "laterCreatedAt", l.closed_at AS "laterClosedAt"
         FROM later l
         JOIN category c ON c.id = l.category_id
         JOIN LATERAL (
           SELECT a.id, a.code, a.point, a.ward_code, a.created_at, a.resolved_at AS closed_at
             FROM report a
            WHERE a.status IN ${ANSWERED_STATUS_SQL}
              AND ST_DWithin(a.point_3857, l.point_3857, $4 / cos(radians(ST_Y(l.point))))
              AND a.resolved_at < l.created_at AND a.resolved_at >= l.created_at - make_interval(days => $3)
              AND a.category_id = l.category_id
         ) e ON true`,
      [q.from, q.to, q.days, q.radiusM, ...filterParams(q.filter)],
    );
  }

  /** Analytical reads whose JIT compilation takes longer than their execution (measured on a million reports). */
  private withoutJit<T>(sql: string, params: unknown[]): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL jit = off`);
      return tx.query(sql, params);
    });
  }

  /** Reports per 500 m cell (grid.ts) in [previousFrom, from) and [from, to); cells with none in either are absent. */
  changeCells(q: {
    previousFrom: Date;
    from: Date;
    to: Date;
    filter: ReportFilter;
  }): Promise<{ i: number; j: number; current: number; previous: number }[]> {
    return this.db.query(
      `SELECT floor(ST_X(r.point_3857) / $4)::int AS i, floor(ST_Y(r.point_3857) / $4)::int AS j,
              count(*) FILTER (WHERE r.created_at >= $2)::int AS current, count(*) FILTER (WHERE r.created_at < $2)::int AS previous
         FROM report r JOIN category c ON c.id = r.category_id
        WHERE r.created_at >= $1 AND r.created_at < $3 AND ${RECEIVED} AND ${filterSql(5)}
        GROUP BY 1, 2`,
      [q.previousFrom, q.from, q.to, CELL_M, ...filterParams(q.filter)],
    );
  }

  /**
   * Public categories' reports filed in [from, to) in public cell (i, j) of the grid `shift` levels
   * coarser than the public snap, counted as the transparency tiles count them (maps module): each
   * point's snap cell (PUBLIC_SNAP_M, from the Web-Mercator origin), shifted to the coarser level.
   */
  publicCellCounts(q: { from: Date; to: Date; shift: number; i: number; j: number }): Promise<CategoryCountRow[]> {
    const size = PUBLIC_SNAP_M * 2 ** q.shift;
    const cell = (coordinate: string) => `(floor((${coordinate} - (${ORIGIN})) / ${PUBLIC_SNAP_M})::bigint >> $3)`;
    return this.db.query(
      `SELECT c.code AS category, c.name_vi AS name, c.name_en AS "nameEn", count(*)::int AS count
         FROM report r JOIN category c ON c.id = r.category_id
        WHERE c.is_public AND ${RECEIVED} AND r.created_at >= $1 AND r.created_at < $2
          AND r.point_3857 && ST_MakeEnvelope($6::float8, $7::float8, $8::float8, $9::float8, 3857)
          AND ${cell('ST_X(r.point_3857)')} = $4 AND ${cell('ST_Y(r.point_3857)')} = $5
        GROUP BY c.code, c.name_vi, c.name_en
        ORDER BY count DESC, c.code`,
      [
        q.from,
        q.to,
        q.shift,
        q.i,
        q.j,
        ORIGIN + q.i * size - 1,
        ORIGIN + q.j * size - 1,
        ORIGIN + (q.i + 1) * size + 1,
        ORIGIN + (q.j + 1) * size + 1,
      ],
    );
  }
}
