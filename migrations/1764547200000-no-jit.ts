import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No JIT compilation for this database's sessions. The statements that cross PostgreSQL's JIT
 * threshold here (filtered map tiles over long windows, the leaders' figures) run for a fraction
 * of a second, and compiling them took longer than it saved: a z10 tile of one category group
 * over a year, on a million reports, spent 63–100 ms of its ~330 ms compiling, and ran 10–15 %
 * faster without (the import and the leaders' figures already turned it off for themselves). Set
 * on the database, so every session (API, worker, import, psql) has it. Where the migrating role
 * does not own the database, it is left as it was, with a notice.
 */
export class NoJit1764547200000 implements MigrationInterface {
  name = 'NoJit1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(setJit(`SET jit = off`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(setJit(`RESET jit`));
  }
}

const setJit = (clause: string) => `
  DO $$
  BEGIN
    EXECUTE format('ALTER DATABASE %I ${clause}', current_database());
  EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'jit left as it was: the migrating role does not own database %', current_database();
  END $$`;
