import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_EVENT_TYPES_BEFORE, setAuditEventTypes } from './1764979200000-retention-audit';

/**
 * Personal values leave the append-only audit trail (issue 19; Law 91/2025/QH15: keep personal
 * data no longer than needed, yet keep the record of who did what). A caller-history search's
 * phone number and a sign-in's address move to `audit_event_personal`, one row per event;
 * `audit_event` keeps the skeleton (type, actor, time, counts) and stays append-only.
 *
 * The application role may only SELECT and INSERT the side table. Blanking is the job of one
 * function, `erase_audit_personal`, that runs as its own role (`hcmc1022_eraser`, SECURITY
 * DEFINER): it may only set the personal fields to NULL (a trigger refuses any other change,
 * even to the owner), and it records each call in the audit trail with its count. Deleting or
 * truncating the side table is refused to everyone, so an event never loses the fact that it
 * had personal data. No foreign key to audit_event: PostgreSQL would then refuse a TRUNCATE of
 * audit_event for the key before its append-only trigger could; both rows are written by one
 * statement (AuditRepository.append) and neither table lets a row go, so none is ever orphaned.
 */
export class AuditPersonalSideTable1765065600000 implements MigrationInterface {
  name = 'AuditPersonalSideTable1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await setAuditEventTypes(q, [...TYPES, 'personal_data_erased']);
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hcmc1022_eraser') THEN
          CREATE ROLE hcmc1022_eraser NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object THEN NULL; -- another database's migration won the race
      END $$`);
    await q.query(`
      CREATE TABLE audit_event_personal (
        event_id  bigint PRIMARY KEY,
        subject   text,
        ip        text,
        erased_at timestamptz
      )`);
    // "Who looked this number up?" reads the side table now.
    await q.query(`CREATE INDEX ix_audit_event_personal_subject ON audit_event_personal (subject)`);

    // Existing events: the values move, the skeleton keeps a placeholder (the owner lifts the
    // append-only trigger for this one statement of the migration, as nobody else can).
    await q.query(`
      INSERT INTO audit_event_personal (event_id, subject, ip)
      SELECT id, CASE WHEN type = 'caller_history_searched' THEN subject END, data->>'ip'
        FROM audit_event WHERE type = 'caller_history_searched' OR data ? 'ip'`);
    await q.query(`ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only`);
    await q.query(`
      UPDATE audit_event SET subject = CASE WHEN type = 'caller_history_searched' THEN 'caller' ELSE subject END, data = data - 'ip'
       WHERE type = 'caller_history_searched' OR data ? 'ip'`);
    await q.query(`ALTER TABLE audit_event ENABLE TRIGGER tr_audit_event_append_only`);

    await q.query(`
      CREATE FUNCTION audit_personal_only_blank() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.event_id <> OLD.event_id OR NEW.subject IS NOT NULL OR NEW.ip IS NOT NULL OR NEW.erased_at IS NULL THEN
          RAISE EXCEPTION 'audit_event_personal may only be blanked' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_event_personal_only_blank BEFORE UPDATE ON audit_event_personal
      FOR EACH ROW EXECUTE FUNCTION audit_personal_only_blank()`);
    await q.query(`
      CREATE TRIGGER tr_audit_event_personal_no_delete BEFORE DELETE ON audit_event_personal
      FOR EACH ROW EXECUTE FUNCTION forbid_change()`);
    await q.query(`
      CREATE TRIGGER tr_audit_event_personal_no_truncate BEFORE TRUNCATE ON audit_event_personal
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`);
    await q.query(`GRANT SELECT, INSERT ON audit_event_personal TO hcmc1022_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event_personal FROM hcmc1022_app`);

    // Blanks the personal fields of the events before `cutoff` that still hold some; returns how
    // many, and leaves its own trace (with the count and the reason, never a value).
    await q.query(`
      CREATE FUNCTION erase_audit_personal(cutoff timestamptz, reason text) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE n integer;
      BEGIN
        WITH blanked AS (
          UPDATE audit_event_personal p SET subject = NULL, ip = NULL, erased_at = now()
            FROM audit_event a
           WHERE a.id = p.event_id AND a.created_at < cutoff AND p.erased_at IS NULL
          RETURNING 1)
        SELECT count(*) INTO n FROM blanked;
        INSERT INTO audit_event (type, subject, result_count, data)
        VALUES ('personal_data_erased', 'audit_event_personal', n, jsonb_build_object('before', cutoff, 'reason', reason));
        RETURN n;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO hcmc1022_eraser`);
    await q.query(`GRANT SELECT, UPDATE ON audit_event_personal TO hcmc1022_eraser`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO hcmc1022_eraser`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_event_id_seq TO hcmc1022_eraser`);
    // Handing the function to the role needs membership in it when the migrating owner is not a
    // superuser (a managed database's owner with CREATEROLE); a superuser has it anyway.
    await q.query(`GRANT hcmc1022_eraser TO CURRENT_USER`);
    await q.query(`ALTER FUNCTION erase_audit_personal(timestamptz, text) OWNER TO hcmc1022_eraser`);
    await q.query(`REVOKE EXECUTE ON FUNCTION erase_audit_personal(timestamptz, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION erase_audit_personal(timestamptz, text) TO hcmc1022_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS erase_audit_personal(timestamptz, text)`);
    // The values still held go back into the skeleton; blanked ones stay gone.
    await q.query(`ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only`);
    await q.query(`
      UPDATE audit_event a SET subject = coalesce(p.subject, a.subject),
                               data = CASE WHEN p.ip IS NULL THEN a.data ELSE a.data || jsonb_build_object('ip', p.ip) END
        FROM audit_event_personal p WHERE p.event_id = a.id`);
    await q.query(`ALTER TABLE audit_event ENABLE TRIGGER tr_audit_event_append_only`);
    await q.query(`DROP TABLE audit_event_personal`);
    await q.query(`DROP FUNCTION IF EXISTS audit_personal_only_blank()`);
    await q.query(`
      DO $$
      BEGIN
        REVOKE ALL ON SCHEMA public FROM hcmc1022_eraser;
        REVOKE ALL ON audit_event FROM hcmc1022_eraser;
        REVOKE ALL ON SEQUENCE audit_event_id_seq FROM hcmc1022_eraser;
        BEGIN
          DROP ROLE hcmc1022_eraser;
        EXCEPTION WHEN dependent_objects_still_exist THEN
          RAISE NOTICE 'hcmc1022_eraser kept: other databases still grant it privileges';
        END;
      END $$`);
    await q.query(`ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only`);
    await q.query(`DELETE FROM audit_event WHERE type = 'personal_data_erased'`);
    await q.query(`ALTER TABLE audit_event ENABLE TRIGGER tr_audit_event_append_only`);
    await setAuditEventTypes(q, TYPES);
  }
}

/** The audit event types before this migration. */
const TYPES = [...AUDIT_EVENT_TYPES_BEFORE, 'retention_applied'];
