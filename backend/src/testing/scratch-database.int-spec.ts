import { pendingMigrations } from '../engine/database/migrator';
import { createScratchDatabase, ScratchDatabase, templateName } from './scratch-database';

describe('scratch databases from the migrated template', () => {
  const dbs: ScratchDatabase[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.drop()));
  });

  it('are migrated copies, two at once, with the settings the migrations made on the database', async () => {
    dbs.push(...(await Promise.all([createScratchDatabase({ migrate: true }), createScratchDatabase({ migrate: true })])));
    for (const db of dbs) {
      expect(await pendingMigrations(db.dataSource)).toEqual([]);
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM schema_migrations`);
      expect(n).toBe(db.dataSource.migrations.length);
      // ALTER DATABASE settings are not part of a copy: createScratchDatabase carries them over.
      const session = db.dataSource.createQueryRunner();
      try {
        expect((await session.query('SHOW jit'))[0].jit).toBe('off');
      } finally {
        await session.release();
      }
    }
    expect(dbs[0].url).not.toBe(dbs[1].url);
  });

  it('is named by the test database and a hash of the migrations', () => {
    expect(templateName()).toMatch(/_tmpl_[0-9a-f]{12}$/);
    expect(templateName()).toBe(templateName());
    expect(templateName().length).toBeLessThanOrEqual(63);
  });
});
