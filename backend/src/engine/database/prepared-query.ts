import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a named prepared statement: PostgreSQL parses and plans it once per connection instead of
 * on every call. For the few statements on a hot path (intake's insert, the tile SQL); the text
 * of a given name must never change within a process. Inside a transaction it runs on the
 * transaction's connection.
 */
export async function preparedQuery<T>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  const client: Pool | PoolClient = runner && !runner.isReleased ? ((await runner.connect()) as PoolClient) : pgPool(manager.connection);
  const result = await client.query<T & object>({ name, text, values });
  return result.rows;
}

/** node-postgres's pool under TypeORM's: for raw protocol use (named statements, several statements in one query). */
export function pgPool(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}
