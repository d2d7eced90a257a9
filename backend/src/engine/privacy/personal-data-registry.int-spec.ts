import { createScratchDatabase, ScratchDatabase } from '../../testing/scratch-database';
import { looksPersonal, NOT_PERSONAL_COLUMNS, PERSONAL_DATA, registeredColumns } from './personal-data-registry';

/**
 * The registry against the migrated schema: a column whose name looks personal must be
 * registered (or listed as not personal, with the reason), and every registered column must exist.
 */
describe('personal-data registry (real PostgreSQL)', () => {
  let db: ScratchDatabase;
  let columns: string[];

  beforeAll(async () => {
    db = await createScratchDatabase({ migrate: true });
    const rows: { name: string }[] = await db.dataSource.query(
      `SELECT c.table_name || '.' || c.column_name AS name
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        ORDER BY 1`,
    );
    columns = rows.map((r) => r.name);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('registers every column whose name looks personal, or says why it is not', () => {
    const registered = registeredColumns();
    const unknown = columns.filter((c) => looksPersonal(c.split('.')[1]) && !registered.has(c) && !(c in NOT_PERSONAL_COLUMNS));
    expect(unknown).toEqual([]);
  });

  it('names only columns that exist', () => {
    const existing = new Set(columns);
    const stale = [...registeredColumns(), ...Object.keys(NOT_PERSONAL_COLUMNS)].filter((c) => !existing.has(c));
    expect(stale).toEqual([]);
  });

  it('finds the reporter’s contact, callers, sessions and the audit subject among the personal columns', () => {
    const personal = columns.filter((c) => registeredColumns().has(c));
    expect(personal).toEqual(
      expect.arrayContaining([
        'report.reporter_phone',
        'report_caller.phone',
        'user_session.ip',
        'audit_event.subject',
        'notification.recipient',
      ]),
    );
    expect(PERSONAL_DATA.length).toBeGreaterThan(personal.length);
  });
});
