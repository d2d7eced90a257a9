import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of staff accounts and configuration (issue 14): every sign-in (succeeded,
 * failed, refused by the throttle), every change to an account (with what it was before and
 * after, in `data`), every change to routing rules, SLA policies and the work calendar, and every
 * reading of the trail itself. The table stays append-only (AuditEvent1764374400000); only the
 * list of types grows. Filters by type and by time ("what happened yesterday") get an index.
 */
export class AccountAudit1764806400001 implements MigrationInterface {
  name = 'AccountAudit1764806400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT ck_audit_event_type`);
    await q.query(`ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_type CHECK (type IN (${TYPES.map((t) => `'${t}'`).join(', ')}))`);
    await q.query(`CREATE INDEX ix_audit_event_type ON audit_event (type, created_at)`);
    await q.query(`CREATE INDEX ix_audit_event_created ON audit_event (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_audit_event_created`);
    await q.query(`DROP INDEX IF EXISTS ix_audit_event_type`);
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT ck_audit_event_type`);
    await q.query(`ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_type CHECK (type IN ('caller_history_searched'))`);
  }
}

const TYPES = [
  'caller_history_searched',
  'sign_in_succeeded',
  'sign_in_failed',
  'sign_in_throttled',
  'user_created',
  'user_updated',
  'user_disabled',
  'user_enabled',
  'password_reset',
  'password_changed',
  'second_factor_enrolled',
  'second_factor_reset',
  'users_imported',
  'routing_rule_created',
  'routing_rule_closed',
  'sla_policy_created',
  'calendar_changed',
  'audit_read',
];
