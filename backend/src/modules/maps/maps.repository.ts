import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { preparedQuery } from '../../engine/database/prepared-query';
import { ReadReplica } from '../../engine/database/read-replica';
import { DataSource } from 'typeorm';
import { ANSWERED_STATUS_SQL, TERMINAL_STATUS_SQL } from '../report-record/report-status';
import { HEAT_CELL_UNITS, PUBLIC_MAX_LEVEL, PUBLIC_MIN_COUNT, TILE_EXTENT, WORLD_M, heatCellMetres } from './tile-grid';

export interface ReportFilters {
  categories: string[] | null;
  group: string | null;
  unit: string | null;
  /** null: every status but rejected (spam and out-of-scope are not issues). */
  statuses: string[] | null;
  /** 1: warning (75 % of the resolution time gone), 2: overdue. */
  sla: 1 | 2 | null;
}

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** A window read from the aggregates: whole local days, some of them as whole months. */
export interface AggregateWindow {
  months: string[];
  /** Up to two inclusive day ranges. */
  days: [string, string][];
}

/** A window short enough to count from the reports themselves. */
export interface RawWindow {
  from: Date;
  to: Date;
}

const ORIGIN = -WORLD_M / 2;
const CELL_UNITS = HEAT_CELL_UNITS;
const CELLS_PER_TILE = TILE_EXTENT / HEAT_CELL_UNITS;
/** Aggregate levels kept (see the migration): a tile at zoom z reads the first at or above z. */
const LEVELS = [8, 10, 12];

const sourceLevel = (z: number) => LEVELS.find((l) => l >= z) ?? 12;
const GY_MASK = 1048575;

/** Per-cell sums over rows with `n` and the dimensions status and sla. */
const SUMS = (a: string) => `
  sum(${a}.n)::int AS count,
  coalesce(sum(${a}.n) FILTER (WHERE ${a}.status NOT IN ${TERMINAL_STATUS_SQL}), 0)::int AS open,
  coalesce(sum(${a}.n) FILTER (WHERE ${a}.sla = 1), 0)::int AS warning,
  coalesce(sum(${a}.n) FILTER (WHERE ${a}.sla = 2), 0)::int AS overdue,
  coalesce(sum(${a}.n) FILTER (WHERE ${a}.status IN ${ANSWERED_STATUS_SQL}), 0)::int AS resolved`;

/**
 * The filters on a row with category_id, unit_id, status and sla; parameters named, bound by `bind`.
 * Category sets are arrays computed once (an InitPlan), never a join the planner could misjudge.
 */
const FILTERS = (a: string) => `
  ($cat::text[] IS NULL OR ${a}.category_id = ANY(ARRAY(SELECT id FROM category WHERE code = ANY($cat::text[]))))
  AND ($grp::text IS NULL OR ${a}.category_id = ANY(ARRAY(SELECT id FROM category WHERE group_code = $grp::text)))
  AND ($unit::uuid IS NULL OR ${a}.unit_id = $unit::uuid)
  AND CASE WHEN $st::text[] IS NULL THEN ${a}.status <> 'rejected' ELSE ${a}.status::text = ANY($st::text[]) END
  AND ($sla::smallint IS NULL OR ${a}.sla = $sla::smallint)`;

/** Replaces `$name` placeholders with positional ones, in order of first use. */
function bind(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const order: string[] = [];
  const text = sql.replace(/\$([a-z][a-z0-9]*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for $${name}`);
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return [text, order.map((n) => values[n])];
}

const filterValues = (f: ReportFilters) => ({ cat: f.categories, grp: f.group, unit: f.unit, st: f.statuses, sla: f.sla });
const isUnfiltered = (f: ReportFilters) => !f.categories && !f.group && !f.unit && !f.statuses && !f.sla;

/**
 * Tile-space point at the centre of cell (ix, iy) of zoom z in tile (x, y): 32 units a cell, y down.
 * Cells come from the integer grid, so no reprojection or clipping is needed.
 */
const cellPoint = `ST_MakePoint((ix - $x0 + 0.5) * ${CELL_UNITS}, ($ytop - iy + 0.5) * ${CELL_UNITS})`;

@Injectable()
export class MapsRepository {
  constructor(private readonly reads: ReadReplica) {}

  /** Reads that tolerate replication lag: the replica of DATABASE_READ_URL while it answers, else the primary. */
  private get db(): DataSource {
    return this.reads.source();
  }

  /**
   * Runs tile SQL as a prepared statement named after its text (a few dozen shapes: layer × zoom ×
   * filters), planned once per connection; `plan: 'each'` plans it for its values every time.
   */
  private async tile(sql: string, values: Record<string, unknown>, plan: 'once' | 'each' = 'once'): Promise<Buffer> {
    const [text, params] = bind(sql, values);
    const rows: { tile: Buffer | null }[] =
      plan === 'each'
        ? await this.db.query(text, params)
        : await preparedQuery(this.db.manager, `tile-${createHash('sha1').update(text).digest('base64url').slice(0, 16)}`, text, params);
    return rows[0]?.tile ?? Buffer.alloc(0);
  }

  /** Grid bounds of tile t at its own zoom, and the shift from the source level's cells. */
  private gridOf(t: TileAddress, level: number) {
    const shift = level - t.z;
    const x0 = t.x * CELLS_PER_TILE;
    const yBottom = (2 ** t.z - 1 - t.y) * CELLS_PER_TILE;
    return {
      shift,
      x0,
      ytop: yBottom + CELLS_PER_TILE - 1,
      gx0: x0 * 2 ** shift,
      gx1: (x0 + CELLS_PER_TILE) * 2 ** shift - 1,
      gy0: yBottom * 2 ** shift,
      gy1: (yBottom + CELLS_PER_TILE) * 2 ** shift - 1,
    };
  }

  /**
   * Per-cell sums of one aggregate kind over a window: unfiltered from the totals (whole months and
   * days around them), filtered from the daily detail. `cellCond` picks the tile's cells. The
   * filtered reads are planned for their values each time: the plan PostgreSQL keeps for the
   * prepared statement, blind to which filters are set, ran a category group over a year 15–30 %
   * slower (a million reports: p50 330–356 ms against 240–275 ms), and planning is ~2 ms of that.
   */
  private cellSums(
    kind: number,
    cellCond: (a: string) => string,
    w: AggregateWindow,
    f: ReportFilters,
  ): [string, Record<string, unknown>, 'once' | 'each'] {
    if (isUnfiltered(f)) {
      const [d1, d2] = [w.days[0] ?? [null, null], w.days[1] ?? [null, null]];
      return [
        `SELECT a.cell, sum(a.n - a.rejected)::int AS count, sum(a.open)::int AS open, sum(a.warning)::int AS warning,
                sum(a.overdue)::int AS overdue, sum(a.resolved)::int AS resolved
           FROM report_cell_total a
          WHERE a.kind = $kind AND ${cellCond('a')}
            AND ((a.grain = 2 AND a.start = ANY($months::date[]))
                 OR (a.grain = 1 AND (a.start BETWEEN $d1a::date AND $d1b::date OR a.start BETWEEN $d2a::date AND $d2b::date)))
          GROUP BY a.cell HAVING sum(a.n - a.rejected) > 0`,
        { kind, months: w.months, d1a: d1[0], d1b: d1[1], d2a: d2[0], d2b: d2[1] },
        'once',
      ];
    }
    const all = [...w.months.map((m) => [m, endOfMonth(m)] as [string, string]), ...w.days].sort((x, y) => x[0].localeCompare(y[0]));
    return [
      `SELECT a.cell, ${SUMS('a')} FROM report_cell_day a
        WHERE a.kind = $kind AND a.day BETWEEN $first::date AND $last::date AND ${cellCond('a')} AND ${FILTERS('a')}
        GROUP BY a.cell`,
      { kind, first: all[0][0], last: all[all.length - 1][1], ...filterValues(f) },
      'each',
    ];
  }

  /**
   * `heat` (z ≤ 11): one point per grid cell of the tile's zoom with count, open, warning, overdue and
   * resolved, from the aggregates of the first kept level at or above the zoom.
   */
  heatFromAggregates(t: TileAddress, w: AggregateWindow, f: ReportFilters): Promise<Buffer> {
    const level = sourceLevel(t.z);
    const g = this.gridOf(t, level);
    const inTile = (a: string) =>
      `${a}.cell BETWEEN $gx0::bigint << 20 AND ($gx1::bigint << 20) | ${GY_MASK} AND (${a}.cell & ${GY_MASK}) BETWEEN $gy0 AND $gy1`;
    const [sums, values, plan] = this.cellSums(level, inTile, w, f);
    return this.tile(
      `WITH sums AS (${sums}),
       cells AS (
         SELECT (cell >> 20) >> $shift AS ix, (cell & ${GY_MASK}) >> $shift AS iy, sum(count)::int AS count, sum(open)::int AS open,
                sum(warning)::int AS warning, sum(overdue)::int AS overdue, sum(resolved)::int AS resolved
           FROM sums GROUP BY 1, 2)
       SELECT ST_AsMVT(f, 'heat', ${TILE_EXTENT}, 'geom') AS tile
         FROM (SELECT ${cellPoint} AS geom, count, open, warning, overdue, resolved FROM cells) f`,
      { ...values, shift: g.shift, x0: g.x0, ytop: g.ytop, gx0: g.gx0, gx1: g.gx1, gy0: g.gy0, gy1: g.gy1 },
      plan,
    );
  }

  /** `heat` for a short window, counted from the reports (to the minute). */
  heatFromReports(t: TileAddress, w: RawWindow, f: ReportFilters): Promise<Buffer> {
    const g = this.gridOf(t, t.z);
    const cell = heatCellMetres(t.z);
    return this.tile(
      `WITH b AS (SELECT ST_TileEnvelope($z, $tx, $ty) AS env),
       r AS (${rawReports('r.point_3857 && b.env')}),
       cells AS (
         SELECT floor((ST_X(r.pt) - (${ORIGIN})) / ${cell})::int AS ix, floor((ST_Y(r.pt) - (${ORIGIN})) / ${cell})::int AS iy,
                ${SUMS('r')} FROM r GROUP BY 1, 2)
       SELECT ST_AsMVT(f, 'heat', ${TILE_EXTENT}, 'geom') AS tile
         FROM (SELECT ${cellPoint} AS geom, count, open, warning, overdue, resolved FROM cells
                WHERE ix BETWEEN $x0 AND $x0 + ${CELLS_PER_TILE - 1} AND iy BETWEEN $ytop - ${CELLS_PER_TILE - 1} AND $ytop) f`,
      { z: t.z, tx: t.x, ty: t.y, from: w.from, to: w.to, x0: g.x0, ytop: g.ytop, ...filterValues(f) },
    );
  }

  /** `hex` (z 12–13): H3 cells of resolution `res` with the same sums as the heat. */
  hexFromAggregates(t: TileAddress, res: 8 | 9, w: AggregateWindow, f: ReportFilters): Promise<Buffer> {
    const [sums, values, plan] = this.cellSums(100 + res, (a) => `${a}.cell IN (SELECT h3 FROM hx)`, w, f);
    return this.tile(
      `WITH b AS (SELECT ST_TileEnvelope($z, $tx, $ty) AS env),
       hx AS (SELECT c.h3, c.geom FROM h3_cell c, b WHERE c.res = $res AND c.geom && b.env),
       cells AS (SELECT cell AS h3, count, open, warning, overdue, resolved FROM (${sums}) s)
       ${HEX_MVT}`,
      { ...values, z: t.z, tx: t.x, ty: t.y, res },
      plan,
    );
  }

  /** `hex` for a short window, from the reports and their H3 cells. */
  hexFromReports(t: TileAddress, res: 8 | 9, w: RawWindow, f: ReportFilters): Promise<Buffer> {
    return this.tile(
      `WITH b AS (SELECT ST_TileEnvelope($z, $tx, $ty) AS env),
       r AS (${rawReports('r.point_3857 && ST_Expand(b.env, 1000)')}),
       hx AS (SELECT c.h3, c.geom FROM h3_cell c, b WHERE c.res = $res AND c.geom && b.env),
       cells AS (
         SELECT CASE WHEN $res = 8 THEN r.h8 ELSE r.h9 END AS h3, ${SUMS('r')} FROM r GROUP BY 1)
       ${HEX_MVT}`,
      { z: t.z, tx: t.x, ty: t.y, res, from: w.from, to: w.to, ...filterValues(f) },
    );
  }

  /** `points` (z ≥ 14): one feature per report, no personal data. */
  points(t: TileAddress, w: RawWindow, f: ReportFilters): Promise<Buffer> {
    return this.tile(
      `WITH b AS (SELECT ST_TileEnvelope($z, $tx, $ty) AS env),
       r AS (${rawReports('r.point_3857 && ST_Expand(b.env, 100)')})
       SELECT ST_AsMVT(f, 'points', ${TILE_EXTENT}, 'geom') AS tile
         FROM (SELECT ST_AsMVTGeom(r.pt, b.env, ${TILE_EXTENT}, 64, true) AS geom, r.id, r.code, r.status::text AS status,
                      (SELECT c.code FROM category c WHERE c.id = r.category_id) AS category,
                      CASE r.sla WHEN 2 THEN 'overdue' WHEN 1 THEN 'warning' ELSE 'ok' END AS sla
                 FROM r, b) f
        WHERE f.geom IS NOT NULL`,
      { z: t.z, tx: t.x, ty: t.y, from: w.from, to: w.to, ...filterValues(f) },
    );
  }

  /**
   * The transparency tile from the aggregates: public categories, cells of the tile's zoom but never
   * finer than level 12 (~150 m), `count` only, cells under the minimum dropped. A cell is drawn in
   * the one tile holding its centre.
   */
  publicHeat(t: TileAddress, w: { first: string; last: string }): Promise<Buffer> {
    const cellZoom = Math.min(t.z, PUBLIC_MAX_LEVEL);
    const level = sourceLevel(cellZoom);
    const shift = level - cellZoom;
    const scale = 2 ** (t.z - cellZoom);
    const span = CELLS_PER_TILE / scale; // the tile's width in public cells (a fraction when zoomed deep)
    const x0 = t.x * span;
    const top = (2 ** t.z - t.y) * span;
    const [ix0, ix1] = [Math.floor(x0), Math.ceil(x0 + span) - 1];
    const [iy0, iy1] = [Math.floor(top - span), Math.ceil(top) - 1];
    return this.tile(
      `WITH cells AS (
         SELECT (a.cell >> 20) >> $shift AS ix, (a.cell & ${GY_MASK}) >> $shift AS iy, sum(a.n)::int AS count
           FROM report_cell_day a
          WHERE a.kind = $level AND a.day BETWEEN $first::date AND $last::date
            AND a.cell BETWEEN $gx0::bigint << 20 AND ($gx1::bigint << 20) | ${GY_MASK} AND (a.cell & ${GY_MASK}) BETWEEN $gy0 AND $gy1
            AND a.status <> 'rejected' AND a.category_id = ANY(ARRAY(SELECT id FROM category WHERE is_public))
          GROUP BY 1, 2 HAVING sum(a.n) >= ${PUBLIC_MIN_COUNT}),
       placed AS (SELECT (ix + 0.5 - $x0::float8) * $u::float8 AS px, ($top::float8 - iy - 0.5) * $u::float8 AS py, count FROM cells)
       SELECT ST_AsMVT(f, 'heat', ${TILE_EXTENT}, 'geom') AS tile
         FROM (SELECT ST_MakePoint(px, py) AS geom, count FROM placed
                WHERE px >= 0 AND px < ${TILE_EXTENT} AND py >= 0 AND py < ${TILE_EXTENT}) f`,
      {
        level,
        shift,
        first: w.first,
        last: w.last,
        x0,
        top,
        u: CELL_UNITS * scale,
        gx0: ix0 * 2 ** shift,
        gx1: (ix1 + 1) * 2 ** shift - 1,
        gy0: iy0 * 2 ** shift,
        gy1: (iy1 + 1) * 2 ** shift - 1,
      },
    );
  }
}

/** Reports of the window inside `where` that pass the filters, with their aggregate state (SLA, H3 cells). */
const rawReports = (where: string) => `
  SELECT * FROM (
    SELECT r.id, r.code, r.status, r.category_id, r.assigned_unit_id AS unit_id, r.point_3857 AS pt, 1 AS n,
           coalesce(s.sla, CASE WHEN r.status NOT IN ${TERMINAL_STATUS_SQL} AND r.resolution_due_at <= now() THEN 2 ELSE 0 END)::smallint AS sla,
           s.h8, s.h9
      FROM report r LEFT JOIN report_agg_state s ON s.report_id = r.id, b
     WHERE r.created_at >= $from AND r.created_at < $to AND ${where}) r
   WHERE ${FILTERS('r')}`;

const HEX_MVT = `
  SELECT ST_AsMVT(f, 'hex', ${TILE_EXTENT}, 'geom') AS tile
    FROM (SELECT ST_AsMVTGeom(hx.geom, b.env, ${TILE_EXTENT}, 64, true) AS geom, to_hex(cells.h3) AS h3,
                 cells.count, cells.open, cells.warning, cells.overdue, cells.resolved
            FROM cells JOIN hx ON hx.h3 = cells.h3, b WHERE cells.count > 0) f
   WHERE f.geom IS NOT NULL`;

const endOfMonth = (month: string): string => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
};
