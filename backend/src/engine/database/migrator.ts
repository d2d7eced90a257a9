import { DataSource } from 'typeorm';

// Any constant works as long as every process uses the same one: pg_advisory_lock serialises
// concurrent migrators (two API replicas booting at once) on this key.
const MIGRATION_LOCK_KEY = 1022_2025;

/** Runs pending migrations under a session-level advisory lock so that two processes can't race. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const done = await dataSource.runMigrations({ transaction: 'each' });
      return done.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Migrations known to the code but not yet recorded in the database. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  const exists = await dataSource.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS ok`);
  if (!exists[0].ok) return known;
  const rows: { name: string }[] = await dataSource.query('SELECT name FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.name));
  return known.filter((n) => !applied.has(n));
}
