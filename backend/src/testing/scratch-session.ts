import { QueryRunner } from 'typeorm';
import { forSuite } from './for-suite';
import { createScratchDatabase, ScratchDatabase } from './scratch-database';

export interface ScratchSession {
  db: () => ScratchDatabase;
  /** The one session the suite's statements run in: SET ROLE is per session. */
  q: () => QueryRunner;
}

/**
 * A migrated scratch database for the suite and one session held open on it, which is back to
 * the owner's role (RESET ROLE) after each test, released and dropped after the last.
 */
export function scratchSessionForSuite(): ScratchSession {
  const opened = forSuite(
    async () => {
      const db = await createScratchDatabase({ migrate: true });
      const q = db.dataSource.createQueryRunner();
      await q.connect();
      return { db, q };
    },
    async ({ db, q }) => {
      await q.release();
      await db.drop();
    },
  );
  afterEach(async () => {
    await opened().q.query(`RESET ROLE`);
  });
  return { db: () => opened().db, q: () => opened().q };
}
