import { Client } from 'pg';

/** The database the system under test writes to (`npm test` sets TEST_DATABASE_URL), for checks the API must agree with. */
export async function queryDatabase<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the e2e suite needs the database of the system under test');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
