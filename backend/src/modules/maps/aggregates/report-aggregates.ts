/**
 * The density aggregates (see migration ReportAggregates): the incremental pass the worker runs
 * every moment and the full rebuild the seed and the nightly repair run. Plain functions over a
 * `Sql` runner so the seed CLI (pg) and the worker (TypeORM) share them; the caller owns the
 * transaction.
 */
import { heatCellMetres, WORLD_M } from '../tile-grid';
import { hexCellsOf, hexOutlineWkt } from './h3-cells';
import { ANSWERED_STATUS_SQL, TERMINAL_STATUS_SQL } from '../../report-record/report-status';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of raw SQL: each caller reads the columns its query names
export type Sql = (text: string, params?: unknown[]) => Promise<any[]>;

/** One writer at a time: the incremental pass and the rebuild take this transaction-level lock. */
const AGGREGATES_LOCK = 1022_0601;
const ORIGIN = -WORLD_M / 2;
const CELL12 = heatCellMetres(12);
const REBUILD_CHUNK = 50_000;

/** Where each report stands for the aggregates, with its WGS 84 point for the H3 cells. */
const STATE = `
  SELECT r.id AS report_id, (r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, r.category_id,
         r.assigned_unit_id AS unit_id, r.status,
         (CASE WHEN r.status IN ${TERMINAL_STATUS_SQL} THEN 0
               WHEN r.resolution_due_at <= now() THEN 2
               WHEN EXISTS (SELECT 1 FROM sla_stage_event e
                             WHERE e.report_id = r.id AND e.kind = 'resolution' AND e.stage IN ('warn75', 'warn90')
                               AND e.cycle = (SELECT max(c.cycle) FROM sla_clock c WHERE c.report_id = r.id AND c.kind = 'resolution')) THEN 1
               ELSE 0 END)::smallint AS sla,
         floor((ST_X(r.point_3857) - (${ORIGIN})) / ${CELL12})::int AS gx,
         floor((ST_Y(r.point_3857) - (${ORIGIN})) / ${CELL12})::int AS gy
    FROM report r`;

/**
 * State rows of the reports whose ids and H3 cells are the parameters numbered from `p`. One
 * primary-key probe per report (OFFSET 0 keeps the planner from hashing the whole report table
 * instead, which grows with the city's history while a pass stays the same size).
 */
const newState = (p: number) => `
  SELECT s.report_id, s.day, s.category_id, s.unit_id, s.status, s.sla, s.gx, s.gy, t.h8, t.h9
    FROM unnest($${p}::uuid[], $${p + 1}::bigint[], $${p + 2}::bigint[]) AS t(id, h8, h9)
    JOIN LATERAL (${STATE} WHERE r.id = t.id OFFSET 0) s ON true`;

/** The cells a state row counts in: grid levels 8, 10, 12 and H3 resolutions 8, 9 (see the migration). */
const CELLS_OF = (x: string) => `
  (VALUES (8::smallint, ((${x}.gx >> 4)::bigint << 20) | (${x}.gy >> 4)),
          (10::smallint, ((${x}.gx >> 2)::bigint << 20) | (${x}.gy >> 2)),
          (12::smallint, (${x}.gx::bigint << 20) | ${x}.gy),
          (108::smallint, ${x}.h8),
          (109::smallint, ${x}.h9)) AS k(kind, cell)`;

/**
 * Adds `delta` (rows shaped like report_agg_state plus `d`, +1 or −1) to the aggregate tables, after
 * the `before` CTEs that produce it. Answers the zoom-10 tiles the rows fall in. `fresh`: the tables
 * are empty (rebuild), so rows go in plain and in index order.
 */
const applyDelta = (before: string, delta: string, fresh = false) => `
  WITH ${before ? `${before},` : ''} delta AS (${delta}),
  cells AS (
    SELECT k.kind, x.day, k.cell, x.category_id, x.unit_id, x.status, x.sla, sum(x.d) AS n
      FROM delta x CROSS JOIN LATERAL ${CELLS_OF('x')}
     GROUP BY 1, 2, 3, 4, 5, 6, 7),
  detail AS (
    INSERT INTO report_cell_day AS t (kind, day, cell, category_id, unit_id, status, sla, n)
    SELECT kind, day, cell, category_id, unit_id, status, sla, n FROM cells WHERE n <> 0
    ${fresh ? 'ORDER BY 1, 2, 3' : 'ON CONFLICT (kind, day, cell, category_id, unit_id, status, sla) DO UPDATE SET n = t.n + excluded.n'}),
  totals AS (
    INSERT INTO report_cell_total AS t (kind, grain, start, cell, n, open, warning, overdue, resolved, rejected)
    SELECT c.kind, g.grain, CASE g.grain WHEN 1 THEN c.day ELSE date_trunc('month', c.day)::date END, c.cell, sum(c.n),
           coalesce(sum(c.n) FILTER (WHERE c.status NOT IN ${TERMINAL_STATUS_SQL}), 0),
           coalesce(sum(c.n) FILTER (WHERE c.sla = 1), 0),
           coalesce(sum(c.n) FILTER (WHERE c.sla = 2), 0),
           coalesce(sum(c.n) FILTER (WHERE c.status IN ${ANSWERED_STATUS_SQL}), 0),
           coalesce(sum(c.n) FILTER (WHERE c.status = 'rejected'), 0)
      FROM cells c CROSS JOIN (VALUES (1::smallint), (2::smallint)) AS g(grain)
     GROUP BY 1, 2, 3, 4
    ${
      fresh
        ? 'ORDER BY 1, 2, 3, 4'
        : `ON CONFLICT (kind, grain, start, cell) DO UPDATE
      SET n = t.n + excluded.n, open = t.open + excluded.open, warning = t.warning + excluded.warning,
          overdue = t.overdue + excluded.overdue, resolved = t.resolved + excluded.resolved, rejected = t.rejected + excluded.rejected`
    })
  SELECT DISTINCT gx >> 8 AS x, 1023 - (gy >> 8) AS y FROM delta`;

interface StateRow {
  report_id: string;
  lat: number;
  lng: number;
}

/** What a pass changed: how many reports, and the zoom-10 tiles they fall in (for the tile cache). */
export interface AggregatePass {
  reports: number;
  tiles: { x: number; y: number }[];
}

/** Writes the outlines of H3 cells not seen before (the tiles draw hexagons from them). */
async function ensureOutlines(sql: Sql, cells: Iterable<string>, known: Set<string>): Promise<void> {
  const fresh = [...new Set(cells)].filter((c) => !known.has(c));
  if (fresh.length === 0) return;
  for (let i = 0; i < fresh.length; i += 10_000) {
    const chunk = fresh.slice(i, i + 10_000);
    await sql(
      `INSERT INTO h3_cell (h3, res, geom)
       SELECT h, ((h >> 52) & 15)::smallint, ST_Transform(ST_GeomFromText(w, 4326), 3857)
         FROM unnest($1::bigint[], $2::text[]) AS t(h, w)
       ON CONFLICT (h3) DO NOTHING`,
      [chunk, chunk.map(hexOutlineWkt)],
    );
  }
  for (const c of fresh) known.add(c);
}

/** Computes the H3 cells of reports and their state rows, as arrays for unnest. */
function withHexCells(rows: StateRow[]): { ids: string[]; h8: string[]; h9: string[] } {
  const ids: string[] = [];
  const h8: string[] = [];
  const h9: string[] = [];
  for (const r of rows) {
    const c = hexCellsOf(r.lat, r.lng);
    ids.push(r.report_id);
    h8.push(c.h8);
    h9.push(c.h9);
  }
  return { ids, h8, h9 };
}

/**
 * Takes up to `limit` changed reports off the feed and moves their contribution in every
 * aggregate: minus what was counted, plus what they are now. Returns null when another
 * transaction holds the aggregates (a rebuild, a second worker).
 */
export async function aggregatePending(sql: Sql, limit: number, knownCells: Set<string>): Promise<AggregatePass | null> {
  const [{ locked }] = await sql(`SELECT pg_try_advisory_xact_lock(${AGGREGATES_LOCK}) AS locked`);
  if (!locked) return null;
  const claimed: { report_id: string }[] = await sql(
    // In a CTE so every driver answers rows (TypeORM answers a bare DELETE … RETURNING with [rows, count]).
    `WITH claimed AS (DELETE FROM report_agg_pending WHERE ctid = ANY(ARRAY(SELECT ctid FROM report_agg_pending LIMIT $1)) RETURNING report_id)
     SELECT report_id FROM claimed`,
    [limit],
  );
  if (claimed.length === 0) return { reports: 0, tiles: [] };
  const ids = [...new Set(claimed.map((c) => c.report_id))];
  const rows: StateRow[] = await sql(
    `SELECT r.id AS report_id, ST_Y(r.point) AS lat, ST_X(r.point) AS lng FROM report r WHERE r.id = ANY($1::uuid[])`,
    [ids],
  );
  const hex = withHexCells(rows);
  await ensureOutlines(sql, [...hex.h8, ...hex.h9], knownCells);
  // `ins` waits for `old` (the scalar subquery reads it whole first), so a report's new state row
  // never meets its old one.
  const tiles: { x: number; y: number }[] = await sql(
    applyDelta(
      `old AS (DELETE FROM report_agg_state WHERE report_id = ANY($1::uuid[]) RETURNING *),
       new AS (${newState(2)}),
       ins AS (INSERT INTO report_agg_state SELECT * FROM new WHERE (SELECT count(*) FROM old) >= 0)`,
      `SELECT new.*, 1 AS d FROM new UNION ALL SELECT old.*, -1 FROM old`,
    ),
    [ids, hex.ids, hex.h8, hex.h9],
  );
  return { reports: ids.length, tiles };
}

/** Rebuilds every aggregate from the reports (seed, nightly repair): truncates, then one pass. Runs in the caller's transaction. */
export async function rebuildAggregates(sql: Sql, knownCells: Set<string> = new Set()): Promise<number> {
  // A repair, not a request: over millions of reports its passes outlast the sessions'
  // statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS), and so may the wait for the lock.
  await sql(`SET LOCAL statement_timeout = 0`);
  await sql(`SELECT pg_advisory_xact_lock(${AGGREGATES_LOCK})`);
  // Changes committed before this snapshot are in what follows; later ones stay in the feed.
  await sql(`DELETE FROM report_agg_pending`);
  await sql(`TRUNCATE report_agg_state, report_cell_day, report_cell_total`);
  // One sequential pass over the table through a cursor: chunks in key order read the heap at
  // random, which on a table larger than memory (10M reports) ran at a few MB/s.
  await sql(
    `DECLARE rebuild_reports NO SCROLL CURSOR FOR SELECT r.id AS report_id, ST_Y(r.point) AS lat, ST_X(r.point) AS lng FROM report r`,
  );
  let total = 0;
  for (;;) {
    const rows: StateRow[] = await sql(`FETCH ${REBUILD_CHUNK} FROM rebuild_reports`);
    if (rows.length === 0) break;
    total += rows.length;
    await insertState(sql, withHexCells(rows));
  }
  await sql(`CLOSE rebuild_reports`);
  const cells: { h: string }[] = await sql(
    `SELECT DISTINCT h8::text AS h FROM report_agg_state UNION SELECT DISTINCT h9::text FROM report_agg_state`,
  );
  const known: { h: string }[] = await sql(`SELECT h3::text AS h FROM h3_cell`);
  for (const k of known) knownCells.add(k.h);
  await ensureOutlines(
    sql,
    cells.map((c) => c.h),
    knownCells,
  );
  // One sort of every report's cells: give it memory rather than temporary files.
  await sql(`SET LOCAL work_mem = '256MB'`);
  await sql(applyDelta('', `SELECT s.*, 1 AS d FROM report_agg_state s`, true));
  return total;
}

async function insertState(sql: Sql, hex: { ids: string[]; h8: string[]; h9: string[] }): Promise<void> {
  await sql(`INSERT INTO report_agg_state ${newState(1)}`, [hex.ids, hex.h8, hex.h9]);
}
