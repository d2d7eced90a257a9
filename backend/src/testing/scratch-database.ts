import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { createDataSource } from '../engine/database/data-source';
import { runMigrations } from '../engine/database/migrator';
import { testConfig, TEST_DATABASE_URL } from './test-env';

export interface ScratchDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

// Serialises the building of a template between test processes (any constant, not the migrator's).
const TEMPLATE_LOCK_KEY = 1022_7001;

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The migrated template's name: the test database's, and a hash of the migration list and of
 * every file in migrations/, so a new or edited migration builds a new template and two worktrees
 * on one server keep theirs apart. PostgreSQL names stop at 63 bytes.
 */
export function templateName(): string {
  const hash = createHash('sha256');
  hash.update(MIGRATIONS.map((migration) => migration.name).join('\n'));
  const folder = join(__dirname, '..', '..', '..', 'migrations');
  for (const file of readdirSync(folder).sort()) hash.update(`\n${file}\n${readFileSync(join(folder, file), 'utf8')}`);
  const base = new URL(TEST_DATABASE_URL).pathname
    .slice(1)
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40);
  return `${base}_tmpl_${hash.digest('hex').slice(0, 12)}`;
}

/**
 * Builds the migrated template once (the first spec of a run that needs one; later runs reuse it
 * while the migrations stay the same). It is built under another name and renamed when complete,
 * so a crash never leaves a half-migrated template; older templates of this test database go.
 */
async function ensureTemplate(): Promise<string> {
  const name = templateName();
  const prefix = name.slice(0, name.lastIndexOf('_tmpl_') + '_tmpl_'.length);
  return admin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return name;
      const building = `${name.slice(0, 50)}_build`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      // Two connections: the migrator holds one for its lock while TypeORM migrates on another.
      const dataSource = createDataSource(testConfig({ DATABASE_URL: urlOf(building), DATABASE_POOL_SIZE: '2' }));
      await dataSource.initialize();
      try {
        await runMigrations(dataSource);
      } finally {
        await dataSource.destroy();
      }
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      const stale = await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2 AND NOT datname LIKE '%\\_build'`,
        [prefix, name],
      );
      for (const { datname } of stale.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      return name;
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
}

/**
 * A fresh database on the test server, dropped by `drop()`: empty, or (`migrate`) a copy of the
 * migrated template, which takes a fraction of the time of running every migration again.
 */
export async function createScratchDatabase(options: { migrate?: boolean } = {}): Promise<ScratchDatabase> {
  const name = `hcmc1022_scratch_${randomBytes(4).toString('hex')}`;
  const template = options.migrate ? await ensureTemplate() : null;
  await admin(async (c) => {
    if (template === null) return c.query(`CREATE DATABASE ${name}`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    // A copy keeps the schema and data but not the settings made with ALTER DATABASE (jit = off).
    const settings = await c.query<{ setting: string }>(
      `SELECT unnest(setconfig) AS setting FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
        WHERE d.datname = $1 AND s.setrole = 0`,
      [template],
    );
    for (const { setting } of settings.rows) {
      const at = setting.indexOf('=');
      await c.query(`ALTER DATABASE ${name} SET ${c.escapeIdentifier(setting.slice(0, at))} = ${c.escapeLiteral(setting.slice(at + 1))}`);
    }
  });
  const dataSource = createDataSource(testConfig({ DATABASE_URL: urlOf(name), DATABASE_POOL_SIZE: '4' }));
  await dataSource.initialize();
  return {
    url: urlOf(name),
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
