import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each run of the retention job (issue 19, Law 91/2025/QH15: keep personal data no longer than
 * its purpose needs, and record what was done) leaves one audit event with the counts it
 * anonymised per policy — never the values. The audit trail stays append-only; only the list of
 * types grows.
 */
export class RetentionAudit1764979200000 implements MigrationInterface {
  name = 'RetentionAudit1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await setAuditEventTypes(q, [...AUDIT_EVENT_TYPES_BEFORE, 'retention_applied']);
  }

  async down(q: QueryRunner): Promise<void> {
    await setAuditEventTypes(q, AUDIT_EVENT_TYPES_BEFORE);
  }
}

/** Replaces the list of audit event types (the table's check); later migrations that add a type use it too. */
export async function setAuditEventTypes(q: QueryRunner, types: readonly string[]): Promise<void> {
  await q.query(`ALTER TABLE audit_event DROP CONSTRAINT ck_audit_event_type`);
  await q.query(`ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_type CHECK (type IN (${types.map((t) => `'${t}'`).join(', ')}))`);
}

/** The audit event types before this migration (AccountAudit1764806400001). */
export const AUDIT_EVENT_TYPES_BEFORE: readonly string[] = [
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
