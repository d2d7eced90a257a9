import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The erasure log: one row per erasure of a data subject, saying what to do again after a backup
 * taken before it is restored — without the erased data (the report ids whose contact was
 * blanked, the rows deleted, the storage keys of the photos deleted, and each masked text as it
 * reads after the erasure). `npm run replay-erasures -w backend -- --since <time>` re-applies
 * them (docs/privacy.md "Backups and the replica"). Append-only to everyone, as the audit trail:
 * a log that could be edited could hide an erasure from the replay.
 */
export class ErasureLog1765238400000 implements MigrationInterface {
  name = 'ErasureLog1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE erasure_log (
        id         bigserial PRIMARY KEY,
        request_id text,
        erased_at  timestamptz NOT NULL DEFAULT now(),
        actions    jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_erasure_log_erased_at ON erasure_log (erased_at, id)`);
    await q.query(`
      CREATE TRIGGER tr_erasure_log_append_only BEFORE UPDATE OR DELETE ON erasure_log
      FOR EACH ROW EXECUTE FUNCTION forbid_change()`);
    await q.query(`
      CREATE TRIGGER tr_erasure_log_no_truncate BEFORE TRUNCATE ON erasure_log
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`);
    await q.query(`GRANT SELECT, INSERT ON erasure_log TO hcmc1022_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON erasure_log FROM hcmc1022_app`);

    // An erasure on request blanks the subject's number where an operator searched it: by event
    // id (the log keeps ids, never the number), through the eraser's role like retention does.
    await q.query(`
      CREATE FUNCTION erase_audit_personal_events(ids bigint[], reason text) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE n integer;
      BEGIN
        WITH blanked AS (
          UPDATE audit_event_personal SET subject = NULL, ip = NULL, erased_at = now()
           WHERE event_id = ANY(ids) AND erased_at IS NULL
          RETURNING 1)
        SELECT count(*) INTO n FROM blanked;
        INSERT INTO audit_event (type, subject, result_count, data)
        VALUES ('personal_data_erased', 'audit_event_personal', n,
                jsonb_build_object('reason', reason, 'requested', coalesce(cardinality(ids), 0)));
        RETURN n;
      END $$`);
    await q.query(`GRANT hcmc1022_eraser TO CURRENT_USER`);
    await q.query(`ALTER FUNCTION erase_audit_personal_events(bigint[], text) OWNER TO hcmc1022_eraser`);
    await q.query(`REVOKE EXECUTE ON FUNCTION erase_audit_personal_events(bigint[], text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION erase_audit_personal_events(bigint[], text) TO hcmc1022_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS erase_audit_personal_events(bigint[], text)`);
    await q.query(`DROP TABLE IF EXISTS erasure_log`);
  }
}
