import type { ClientBase } from 'pg';

/** Counts a step reports, e.g. { inserted: 168, total: 168 }. */
export type StepCounts = Record<string, number>;

/** One idempotent step of the seed; it runs inside a transaction the runner owns. */
export interface SeedStep {
  name: string;
  run(client: ClientBase): Promise<StepCounts>;
}

/** Number of rows a statement touched (INSERT … ON CONFLICT DO NOTHING counts only new rows). */
export async function execute(client: ClientBase, sql: string, params: unknown[] = []): Promise<number> {
  const result = await client.query(sql, params);
  return result.rowCount ?? 0;
}

export async function countRows(client: ClientBase, sql: string, params: unknown[] = []): Promise<number> {
  const result = await client.query<{ n: string }>(sql, params);
  return Number(result.rows[0].n);
}
