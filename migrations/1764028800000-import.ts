import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk import of historical reports: the other system's id is kept in attributes and is unique
 * among imported reports, so importing the same file twice adds nothing. Only channel 'import'
 * is covered: citizens may send an attribute of that name and must not collide with it.
 */
export class Import1764028800000 implements MigrationInterface {
  name = 'Import1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX ux_report_import_external_id ON report ((attributes ->> 'external_id')) WHERE channel = 'import'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ux_report_import_external_id`);
  }
}
