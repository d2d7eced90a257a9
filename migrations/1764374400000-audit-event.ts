import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit events that belong to no single ticket (invariant 6 for personal data): a call-centre
 * operator looking up a caller's number sees which reports that number filed or called about,
 * so each search is kept — who, when, which number, how many reports it showed. Append-only
 * like report_event: the forbid_change triggers refuse UPDATE, DELETE and TRUNCATE to anyone,
 * and the application role is granted SELECT and INSERT only.
 */
export class AuditEvent1764374400000 implements MigrationInterface {
  name = 'AuditEvent1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id            bigserial PRIMARY KEY,
        type          text NOT NULL,
        actor_user_id uuid,
        actor_role    text,
        subject       text NOT NULL,
        result_count  integer,
        data          jsonb NOT NULL DEFAULT '{}',
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_event_actor_user_id_fkey FOREIGN KEY (actor_user_id) REFERENCES app_user (id),
        CONSTRAINT ck_audit_event_type CHECK (type IN ('caller_history_searched')),
        CONSTRAINT ck_audit_event_result_count CHECK (result_count >= 0)
      )`);
    // "Who looked this number up?" and "what did this operator look up?", newest first.
    await q.query(`CREATE INDEX ix_audit_event_subject ON audit_event (subject, created_at)`);
    await q.query(`CREATE INDEX ix_audit_event_actor ON audit_event (actor_user_id, created_at)`);
    await q.query(`
      CREATE TRIGGER tr_audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION forbid_change()`);
    await q.query(`
      CREATE TRIGGER tr_audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`);
    // The default privileges of AppRole1764201600000 gave the new table full rights; take back the writes.
    await q.query(`GRANT SELECT, INSERT ON audit_event TO hcmc1022_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM hcmc1022_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_event`);
  }
}
