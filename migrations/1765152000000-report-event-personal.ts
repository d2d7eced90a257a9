import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timeline's free text leaves the append-only skeleton (Law 91/2025/QH15: a citizen may have
 * their personal data erased; the record of what was done to a ticket must stay). The message of
 * an event (notes, replies, reasons, requests for more, a citizen's reopening reason) and the
 * personal details of its data (a rating's comment, the reason given for viewing a reporter's
 * contact) move to `report_event_personal`, one row per event that has any; `report_event` keeps
 * type, actor, statuses, units, time and the rest of its data, and stays append-only.
 *
 * As with `audit_event_personal`: the application role may only SELECT and INSERT the side table;
 * one function, `redact_report_event_personal`, running as `hcmc1022_eraser` (SECURITY DEFINER),
 * rewrites given rows with their redacted text and records each call in the audit trail with
 * counts and the reason, never a value. A trigger refuses any other update, even by the owner,
 * and deleting or truncating is refused to everyone. No foreign key, for the reason given there:
 * both rows are written by one statement (ReportRecordRepository) and neither table loses a row.
 */
export class ReportEventPersonal1765152000000 implements MigrationInterface {
  name = 'ReportEventPersonal1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_event_personal (
        event_id    bigint PRIMARY KEY,
        message     text,
        data        jsonb,
        redacted_at timestamptz
      )`);

    await q.query(`
      INSERT INTO report_event_personal (event_id, message, data)
      SELECT id, message, ${PERSONAL_DATA_OF('report_event')}
        FROM report_event
       WHERE message IS NOT NULL OR ${HAS_PERSONAL_DATA}`);
    await q.query(`ALTER TABLE report_event DISABLE TRIGGER tr_report_event_append_only`);
    await q.query(`
      UPDATE report_event SET data = data - 'comment' - CASE WHEN type LIKE 'personal\\_data\\_%' THEN 'reason' ELSE '' END
       WHERE ${HAS_PERSONAL_DATA}`);
    await q.query(`ALTER TABLE report_event ENABLE TRIGGER tr_report_event_append_only`);
    await q.query(`ALTER TABLE report_event DROP COLUMN message`);

    await q.query(`
      CREATE FUNCTION report_event_personal_only_redact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_user <> 'hcmc1022_eraser' OR NEW.event_id <> OLD.event_id OR NEW.redacted_at IS NULL THEN
          RAISE EXCEPTION 'report_event_personal may only be redacted by redact_report_event_personal' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_report_event_personal_only_redact BEFORE UPDATE ON report_event_personal
      FOR EACH ROW EXECUTE FUNCTION report_event_personal_only_redact()`);
    await q.query(`
      CREATE TRIGGER tr_report_event_personal_no_delete BEFORE DELETE ON report_event_personal
      FOR EACH ROW EXECUTE FUNCTION forbid_change()`);
    await q.query(`
      CREATE TRIGGER tr_report_event_personal_no_truncate BEFORE TRUNCATE ON report_event_personal
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`);
    await q.query(`GRANT SELECT, INSERT ON report_event_personal TO hcmc1022_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON report_event_personal FROM hcmc1022_app`);

    // Rewrites the events `ids` with `messages` and `datas` (parallel arrays: the text after the
    // erasure removed the personal values), only where that changes something; returns how many,
    // and leaves its own trace with the count and the reason.
    await q.query(`
      CREATE FUNCTION redact_report_event_personal(ids bigint[], messages text[], datas jsonb[], reason text) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE n integer;
      BEGIN
        IF coalesce(cardinality(ids), 0) <> coalesce(cardinality(messages), 0) OR coalesce(cardinality(ids), 0) <> coalesce(cardinality(datas), 0) THEN
          RAISE EXCEPTION 'ids, messages and datas must have one entry per event' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        WITH redacted AS (
          UPDATE report_event_personal p SET message = u.message, data = u.data, redacted_at = now()
            FROM unnest(ids, messages, datas) AS u(id, message, data)
           WHERE p.event_id = u.id AND (p.message IS DISTINCT FROM u.message OR p.data IS DISTINCT FROM u.data)
          RETURNING 1)
        SELECT count(*) INTO n FROM redacted;
        INSERT INTO audit_event (type, subject, result_count, data)
        VALUES ('personal_data_erased', 'report_event_personal', n,
                jsonb_build_object('reason', reason, 'requested', coalesce(cardinality(ids), 0)));
        RETURN n;
      END $$`);
    await q.query(`GRANT SELECT, UPDATE ON report_event_personal TO hcmc1022_eraser`);
    await q.query(`GRANT hcmc1022_eraser TO CURRENT_USER`);
    await q.query(`ALTER FUNCTION redact_report_event_personal(bigint[], text[], jsonb[], text) OWNER TO hcmc1022_eraser`);
    await q.query(`REVOKE EXECUTE ON FUNCTION redact_report_event_personal(bigint[], text[], jsonb[], text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION redact_report_event_personal(bigint[], text[], jsonb[], text) TO hcmc1022_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS redact_report_event_personal(bigint[], text[], jsonb[], text)`);
    // The text goes back into the skeleton as it now is (redacted text stays redacted).
    await q.query(`ALTER TABLE report_event ADD COLUMN message text`);
    await q.query(`ALTER TABLE report_event DISABLE TRIGGER tr_report_event_append_only`);
    await q.query(`
      UPDATE report_event e SET message = p.message, data = e.data || coalesce(p.data, '{}')
        FROM report_event_personal p WHERE p.event_id = e.id`);
    await q.query(`ALTER TABLE report_event ENABLE TRIGGER tr_report_event_append_only`);
    await q.query(`REVOKE ALL ON report_event_personal FROM hcmc1022_eraser`);
    await q.query(`DROP TABLE report_event_personal`);
    await q.query(`DROP FUNCTION IF EXISTS report_event_personal_only_redact()`);
  }
}

/** Which keys of an event's data are personal: a rating's comment, and the reason typed to view a contact. */
const HAS_PERSONAL_DATA = `(data ? 'comment' OR (type LIKE 'personal\\_data\\_%' AND data ? 'reason'))`;

const PERSONAL_DATA_OF = (table: string) => `(
  SELECT jsonb_object_agg(k, v) FROM jsonb_each(${table}.data) AS d(k, v)
   WHERE k = 'comment' OR (k = 'reason' AND ${table}.type LIKE 'personal\\_data\\_%'))`;
