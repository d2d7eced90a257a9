import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../engine/database/data-source';
import { runMigrations } from '../engine/database/migrator';
import { testConfig, TEST_DATABASE_URL } from './test-env';

export interface ScratchDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

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

/** A fresh, empty database on the test server (optionally migrated), dropped by `drop()`. */
export async function createScratchDatabase(options: { migrate?: boolean } = {}): Promise<ScratchDatabase> {
  const name = `hcmc1022_scratch_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const dataSource = createDataSource(testConfig({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '4' }));
  await dataSource.initialize();
  if (options.migrate) await runMigrations(dataSource);
  return {
    url: url.toString(),
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
