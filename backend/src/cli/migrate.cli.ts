import 'reflect-metadata';
import { loadConfig } from '../engine/config/app-config';
import { createDataSource } from '../engine/database/data-source';
import { runMigrations } from '../engine/database/migrator';

async function main(): Promise<void> {
  const config = loadConfig();
  // A migration may rewrite a large table in one statement: no statement_timeout here.
  const dataSource = createDataSource({ ...config, database: { ...config.database, statementTimeoutMs: 0 } });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    console.log(applied.length ? `migrated: ${applied.join(', ')}` : 'migrations: up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err) => {
  console.error(`migrate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
