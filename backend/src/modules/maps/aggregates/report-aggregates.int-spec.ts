import { latLngToCell } from 'h3-js';
import { runMigrations } from '../../../engine/database/migrator';
import { createScratchDatabase, ScratchDatabase } from '../../../testing/scratch-database';
import { heatCellMetres, toMercator, WORLD_M } from '../tile-grid';
import { aggregatePending, rebuildAggregates, Sql } from './report-aggregates';

/** Every aggregate row, as sorted text, to compare two states of the tables. */
async function snapshot(sql: Sql): Promise<{ day: string[]; total: string[] }> {
  const day = await sql(
    `SELECT concat_ws('|', kind, day, cell, category_id, unit_id, status, sla, n) AS r FROM report_cell_day WHERE n <> 0 ORDER BY 1`,
  );
  const total = await sql(
    `SELECT concat_ws('|', kind, grain, start, cell, n, open, warning, overdue, resolved, rejected) AS r FROM report_cell_total
      WHERE (n, open, warning, overdue, resolved, rejected) <> (0, 0, 0, 0, 0, 0) ORDER BY 1`,
  );
  return { day: day.map((x) => x.r), total: total.map((x) => x.r) };
}

describe('report aggregates (real PostgreSQL + PostGIS)', () => {
  let db: ScratchDatabase;
  let sql: Sql;
  const known = new Set<string>();
  let cat1: number;
  let cat2: number;
  const tx = async <T>(fn: (s: Sql) => Promise<T>, isolation: 'READ COMMITTED' | 'REPEATABLE READ' = 'READ COMMITTED'): Promise<T> =>
    db.dataSource.transaction(isolation, (m) => fn((t, p) => m.query(t, p)));
  const pass = () => tx((s) => aggregatePending(s, 1000, known));

  const file = async (code: string, lat: number, lng: number, category: number, createdAt: string) => {
    const [{ id }] = await sql(
      `INSERT INTO report (code, channel, category_id, description, point, point_3857, admin_unit_id, ward_code, created_at)
       SELECT $1, 'web', $2, 'x', ST_SetSRID(ST_MakePoint($4, $3), 4326), ST_SetSRID(ST_MakePoint(0, 0), 3857), a.id, a.code, $5
         FROM admin_unit a RETURNING id`,
      [code, category, lat, lng, createdAt],
    );
    return id as string;
  };

  beforeAll(async () => {
    db = await createScratchDatabase();
    await runMigrations(db.dataSource);
    sql = (t, p) => db.dataSource.query(t, p);
    await sql(
      `INSERT INTO admin_unit (code, name, short_name, kind, province_code, valid_from, source) VALUES ('00001','Phường Thử','Thử','phuong','79','2025-07-01','test')`,
    );
    [{ id: cat1 }, { id: cat2 }] = await sql(
      `INSERT INTO category (code, name_vi, name_en, group_code, group_vi, group_en, handling_level)
       VALUES ('a','A','A','g','G','G','ward'), ('b','B','B','g','G','G','ward') RETURNING id`,
    );
  });
  afterAll(async () => {
    await db.drop();
  });

  it('counts a new report in every kind of cell, on its local day and month', async () => {
    // 23:30 on 31 March UTC is 06:30 on 1 April in Ho Chi Minh City.
    const lat = 10.7725;
    const lng = 106.6981;
    await file('T-1', lat, lng, cat1, '2026-03-31T23:30:00Z');
    const done = await pass();
    expect(done!.reports).toBe(1);

    const m = toMercator(lat, lng);
    const origin = -WORLD_M / 2;
    const gx = Math.floor((m.x - origin) / heatCellMetres(12));
    const gy = Math.floor((m.y - origin) / heatCellMetres(12));
    const grid = (shift: number) => ((BigInt(gx >> shift) << 20n) | BigInt(gy >> shift)).toString();
    const h3 = (res: number) => BigInt(`0x${latLngToCell(lat, lng, res)}`).toString();
    const rows = await sql(`SELECT kind, day::text, cell::text, status::text, sla, n FROM report_cell_day ORDER BY kind`);
    expect(rows).toEqual([
      { kind: 8, day: '2026-04-01', cell: grid(4), status: 'new', sla: 0, n: 1 },
      { kind: 10, day: '2026-04-01', cell: grid(2), status: 'new', sla: 0, n: 1 },
      { kind: 12, day: '2026-04-01', cell: grid(0), status: 'new', sla: 0, n: 1 },
      { kind: 108, day: '2026-04-01', cell: h3(8), status: 'new', sla: 0, n: 1 },
      { kind: 109, day: '2026-04-01', cell: h3(9), status: 'new', sla: 0, n: 1 },
    ]);
    const totals = await sql(`SELECT grain, start::text, n, open FROM report_cell_total WHERE kind = 12 ORDER BY grain`);
    expect(totals).toEqual([
      { grain: 1, start: '2026-04-01', n: 1, open: 1 },
      { grain: 2, start: '2026-04-01', n: 1, open: 1 },
    ]);
    // The zoom-10 tile of the point, for the tile cache.
    const n = 2 ** 10;
    const tileX = Math.floor(((lng + 180) / 360) * n);
    expect(done!.tiles).toEqual([{ x: tileX, y: expect.any(Number) }]);
    expect((await sql(`SELECT count(*)::int AS n FROM h3_cell`))[0].n).toBe(2);
  });

  it('moves counts when status, category, deadline or place change, and ignores changes it does not count', async () => {
    const id = await file('T-2', 10.78, 106.7, cat1, '2026-04-02T03:00:00Z');
    const other = await file('T-3', 10.8, 106.65, cat2, '2026-02-10T03:00:00Z');
    await pass();
    await sql(`UPDATE report SET status = 'in_progress' WHERE id = $1`, [id]);
    await sql(`UPDATE report SET category_id = $2, resolution_due_at = now() - interval '1 hour' WHERE id = $1`, [other, cat1]);
    await pass();
    expect(await sql(`SELECT sla FROM report_agg_state WHERE report_id = $1`, [other])).toEqual([{ sla: 2 }]);
    await sql(`UPDATE report SET point = ST_SetSRID(ST_MakePoint(106.60, 10.85), 4326) WHERE id = $1`, [id]);
    await sql(`UPDATE report SET status = 'resolved' WHERE id = $1`, [other]);
    await pass();
    // A follower count or a description is not counted: nothing is queued.
    await sql(`UPDATE report SET follower_count = follower_count + 1, description = 'y' WHERE id = $1`, [id]);
    expect((await sql(`SELECT count(*)::int AS n FROM report_agg_pending`))[0].n).toBe(0);

    const incremental = await snapshot(sql);
    expect(incremental.total.length).toBeGreaterThan(0);
    // A rebuild from scratch gives the very same tables.
    await tx(async (s) => {
      await rebuildAggregates(s, new Set());
    }, 'REPEATABLE READ');
    expect(await snapshot(sql)).toEqual(incremental);
  });

  it('counts a resolution warning once the 75 % stage fires', async () => {
    const id = await file('T-4', 10.76, 106.69, cat2, '2026-04-03T03:00:00Z');
    await pass();
    const [{ clock }] = await sql(
      `INSERT INTO sla_clock (report_id, kind, cycle, mode, target_ms, transitions, state, due_at)
       VALUES ($1, 'resolution', 1, 'calendar', 3600000, '[]', 'running', now() + interval '1 hour') RETURNING id AS clock`,
      [id],
    );
    expect(clock).toBeDefined();
    await sql(
      `INSERT INTO sla_stage_event (report_id, kind, cycle, stage, due_at, fired_by) VALUES ($1, 'resolution', 1, 'warn75', now(), 'test')`,
      [id],
    );
    await pass();
    expect(await sql(`SELECT sla FROM report_agg_state WHERE report_id = $1`, [id])).toEqual([{ sla: 1 }]);
    const [{ warning }] = await sql(`SELECT sum(warning)::int AS warning FROM report_cell_total WHERE kind = 8 AND grain = 2`);
    expect(warning).toBe(1);
  });

  it('lets one pass run at a time', async () => {
    await file('T-5', 10.77, 106.7, cat1, '2026-04-04T03:00:00Z');
    await db.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(10220601)`);
      expect(await pass()).toBeNull();
    });
    expect((await pass())!.reports).toBe(1);
  });
});
