import type { PoolClient } from 'pg';
import { createScratchDatabase } from '../../testing/scratch-database';
import { forSuite } from '../../testing/for-suite';
import { databaseTrouble } from '../errors/database-unavailable';
import { pgPool } from './prepared-query';

/**
 * A pool connection that the server ends while it is checked out (a restart's 57P01, as the
 * outbox relay holding one while it waits on Redis saw) must not be an unhandled 'error' event:
 * node-postgres emits 'error' on it and pg-pool listens only while it is idle, so the process
 * died. With the fix, the connection's query fails, the error reads as "database unavailable"
 * (503), and the pool hands out a working connection next.
 */
describe('a checked-out connection the server ends (real PostgreSQL)', () => {
  const db = forSuite(
    () => createScratchDatabase(),
    (d) => d.drop(),
  );

  it('has an error listener from the pool, fails its next query as unavailable, and the pool goes on', async () => {
    const pool = pgPool(db().dataSource);
    const client: PoolClient = await pool.connect();
    expect(client.listenerCount('error')).toBeGreaterThan(0);
    const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));

    await db().dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
    await ended;
    const failure = await client.query('SELECT 1').then(
      () => null,
      (err: unknown) => err,
    );
    client.release(failure instanceof Error ? failure : true);

    expect(failure).toBeInstanceOf(Error);
    expect(databaseTrouble(failure)).toBe('unavailable');
    expect(await db().dataSource.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
