import 'reflect-metadata';
import { loadConfig } from '../engine/config/app-config';
import { createDataSource } from '../engine/database/data-source';
import { runMigrations } from '../engine/database/migrator';

async function main(): Promise<void> {
  const dataSource = createDataSource(loadConfig());
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
