import { NoJit1764547200000 } from '../../../../migrations/1764547200000-no-jit';
import { createDataSource } from './data-source';
import { pendingMigrations, runMigrations } from './migrator';
import { createScratchDatabase } from '../../testing/scratch-database';
import { testConfig } from '../../testing/test-env';
import { forSuite } from '../../testing/for-suite';

describe('schema (real PostgreSQL + PostGIS)', () => {
  const db = forSuite(createScratchDatabase, (opened) => opened.drop());

  it('applies every migration once even when two processes migrate at the same time', async () => {
    const other = createDataSource(testConfig({ DATABASE_URL: db().url, DATABASE_POOL_SIZE: '2' }));
    await other.initialize();
    try {
      const [a, b] = await Promise.all([runMigrations(db().dataSource), runMigrations(other)]);
      const all = db().dataSource.migrations.map((m) => m.name);
      expect([...a, ...b].sort()).toEqual([...all].sort());
      const rows = await db().dataSource.query('SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name');
      expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      expect(await pendingMigrations(db().dataSource)).toEqual([]);
    } finally {
      await other.destroy();
    }
  });

  it('matches the entities exactly (no drift between migrations and TypeORM metadata)', async () => {
    const sql = await db().dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('gives every geometry column SRID 4326 or 3857 and a GiST index', async () => {
    const columns: { table: string; column: string; srid: number; indexed: boolean }[] = await db().dataSource.query(`
      SELECT g.f_table_name AS table, g.f_geometry_column AS column, g.srid,
             EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                     WHERE i.indrelid = (quote_ident(g.f_table_name))::regclass AND a.attname = g.f_geometry_column AND am.amname = 'gist') AS indexed
        FROM geometry_columns g WHERE g.f_table_schema = 'public'`);
    expect(columns.length).toBeGreaterThanOrEqual(5);
    for (const c of columns) {
      expect([4326, 3857]).toContain(c.srid);
      if (c.column !== 'label_point') expect({ ...c, indexed: c.indexed }).toEqual({ ...c, indexed: true });
    }
  });

  it('refuses to change or delete timeline events', async () => {
    const q = db().dataSource;
    await q.query(
      `INSERT INTO admin_unit (code, name, short_name, kind, province_code, valid_from, source) VALUES ('00001','Phường Thử','Thử','phuong','79','2025-07-01','test')`,
    );
    await q.query(
      `INSERT INTO category (code, name_vi, name_en, group_code, group_vi, group_en, handling_level) VALUES ('t','T','T','g','G','G','ward')`,
    );
    const [{ id }] = await q.query(`
      INSERT INTO report (code, channel, category_id, description, point, point_3857, admin_unit_id, ward_code)
      SELECT 'HCM-T-1', 'web', c.id, 'x', ST_SetSRID(ST_MakePoint(106.7, 10.77), 4326), ST_SetSRID(ST_MakePoint(0, 0), 3857), a.id, a.code
        FROM category c, admin_unit a RETURNING id`);
    const [row] = await q.query(`SELECT ST_X(point_3857) AS x FROM report WHERE id = $1`, [id]);
    expect(Math.round(row.x)).toBe(11877790); // the trigger recomputed the 3857 copy
    await q.query(`INSERT INTO report_event (report_id, type) VALUES ($1, 'created')`, [id]);
    await expect(q.query(`UPDATE report_event SET type = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(q.query(`DELETE FROM report_event`)).rejects.toThrow(/append-only/);
    await expect(q.query(`TRUNCATE report_event CASCADE`)).rejects.toThrow(/append-only/);
  });

  it('gives new sessions no JIT compilation, and gives it back when rolled back', async () => {
    const jitOfNewSession = async () => {
      const session = createDataSource(testConfig({ DATABASE_URL: db().url, DATABASE_POOL_SIZE: '1' }));
      await session.initialize();
      try {
        return (await session.query('SHOW jit'))[0].jit;
      } finally {
        await session.destroy();
      }
    };
    const migration = new NoJit1764547200000();
    const runner = db().dataSource.createQueryRunner();
    try {
      expect(await jitOfNewSession()).toBe('off');
      await migration.down(runner);
      expect(await jitOfNewSession()).toBe('on');
      await migration.up(runner);
      expect(await jitOfNewSession()).toBe('off');
    } finally {
      await runner.release();
    }
  });

  it('rolls back to nothing and forward again', async () => {
    for (let i = 0; i < db().dataSource.migrations.length; i++) await db().dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await db().dataSource.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'spatial_ref_sys')`,
    );
    expect(tables[0].n).toBe(0);
    await runMigrations(db().dataSource);
    expect(await pendingMigrations(db().dataSource)).toEqual([]);
  });
});
