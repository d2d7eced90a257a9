import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role the application runs as (invariant 6, defence in depth beside the append-only
 * triggers): it may read and write business tables but only SELECT and INSERT the two audit
 * tables, report_event and sla_stage_event, so even a compromised API process cannot rewrite
 * who did what.
 *
 * The role is NOLOGIN: production connects as a login role that is a member of it and inherits
 * its rights, e.g. as the database owner
 *   CREATE ROLE hcmc1022_api LOGIN PASSWORD '…' NOINHERIT IN ROLE hcmc1022_app;
 *   ALTER ROLE hcmc1022_api SET role = 'hcmc1022_app';
 * and DATABASE_URL names hcmc1022_api, while migrations keep running as the owner. Roles are
 * cluster-wide, hence the IF NOT EXISTS: every database on the server (scratch test ones too)
 * shares this one role.
 *
 * New tables get the read/write default below; a migration adding another append-only table
 * revokes UPDATE, DELETE and TRUNCATE on it, as done here.
 */
export class AppRole1764201600000 implements MigrationInterface {
  name = 'AppRole1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hcmc1022_app') THEN
          CREATE ROLE hcmc1022_app NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object THEN NULL; -- another database's migration won the race
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO hcmc1022_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hcmc1022_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON report_event, sla_stage_event FROM hcmc1022_app`);
    // Every table the append-only trigger guards (later ones too: audit_event), so that running
    // this again after the GRANT above never hands the writes back.
    await q.query(`
      DO $$
      DECLARE t regclass;
      BEGIN
        FOR t IN SELECT DISTINCT tgrelid::regclass FROM pg_trigger WHERE tgfoid = 'forbid_change'::regproc LOOP
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM hcmc1022_app', t);
        END LOOP;
      END $$`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hcmc1022_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hcmc1022_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO hcmc1022_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    // DROP OWNED revokes this database's grants and default privileges; the role itself goes
    // only when no other database on the server still grants it something.
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'hcmc1022_app') THEN
          REASSIGN OWNED BY hcmc1022_app TO CURRENT_USER;
          DROP OWNED BY hcmc1022_app;
          BEGIN
            DROP ROLE hcmc1022_app;
          EXCEPTION WHEN dependent_objects_still_exist THEN
            RAISE NOTICE 'hcmc1022_app kept: other databases still grant it privileges';
          END;
        END IF;
      END $$`);
  }
}
