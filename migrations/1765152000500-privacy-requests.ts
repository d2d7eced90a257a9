import { MigrationInterface, QueryRunner } from 'typeorm';
import { setAuditEventTypes } from './1764979200000-retention-audit';

/** The audit event types before this migration (AuditPersonalSideTable1765065600000). */
export const AUDIT_EVENT_TYPES_BEFORE_PRIVACY_REQUESTS: readonly string[] = [
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
  'retention_applied',
  'personal_data_erased',
];

/**
 * A data subject's requests (Law 91/2025/QH15; Decree 13/2023/ND-CP art. 9, 14, 16): to know
 * what is held about them, get a copy, and have it erased.
 *
 *  - `privacy_verification`: a one-time code e-mailed to an address some report holds. Only a
 *    keyed digest of the address and of the code are kept; the code is made when the message is
 *    sent (never stored in plain, not even in the message's row).
 *  - `privacy_access`: a short-lived token proving control of the phone numbers and addresses on
 *    record, kept as its SHA-256; the row (with those identifiers) goes once it is used for an
 *    erasure or has expired.
 *  - `privacy_request`: the record that a request was received and handled, with its deadline.
 *    The subject's identifiers are kept in plain only while the request is open; once handled,
 *    only their keyed digests remain (to list a person's earlier requests), never the values.
 */
export class PrivacyRequests1765152000500 implements MigrationInterface {
  name = 'PrivacyRequests1765152000500';

  async up(q: QueryRunner): Promise<void> {
    await setAuditEventTypes(q, [...AUDIT_EVENT_TYPES_BEFORE_PRIVACY_REQUESTS, ...PRIVACY_AUDIT_TYPES]);
    await q.query(`
      CREATE TABLE privacy_verification (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email_digest    bytea NOT NULL,
        code_hash       bytea,
        attempts        integer NOT NULL DEFAULT 0 CONSTRAINT ck_privacy_verification_attempts CHECK (attempts >= 0),
        expires_at      timestamptz NOT NULL,
        used_at         timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_privacy_verification_email ON privacy_verification (email_digest, created_at DESC)`);
    await q.query(`CREATE INDEX ix_privacy_verification_expires ON privacy_verification (expires_at)`);
    await q.query(`
      CREATE TABLE privacy_access (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL CONSTRAINT uq_privacy_access_token UNIQUE,
        channel    text NOT NULL CONSTRAINT ck_privacy_access_channel CHECK (channel IN ('web_link', 'email_code')),
        phones     text[] NOT NULL DEFAULT '{}',
        emails     text[] NOT NULL DEFAULT '{}',
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_privacy_access_expires ON privacy_access (expires_at)`);
    await q.query(`
      CREATE TABLE privacy_request (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind               text NOT NULL CONSTRAINT ck_privacy_request_kind CHECK (kind IN ('access', 'erasure')),
        channel            text NOT NULL
                           CONSTRAINT ck_privacy_request_channel CHECK (channel IN ('web_link', 'email_code', 'phone', 'letter', 'in_person')),
        status             text NOT NULL DEFAULT 'received'
                           CONSTRAINT ck_privacy_request_status CHECK (status IN ('received', 'in_progress', 'completed', 'rejected')),
        received_at        timestamptz NOT NULL,
        due_at             timestamptz NOT NULL,
        handled_at         timestamptz,
        subject_phones     text[] NOT NULL DEFAULT '{}',
        subject_emails     text[] NOT NULL DEFAULT '{}',
        subject_name       text,
        subject_digests    text[] NOT NULL DEFAULT '{}',
        subject_report_ids uuid[],
        subject_names      text[],
        identity_check     text,
        reason             text NOT NULL,
        reject_reason      text,
        outcome            jsonb,
        access_id          uuid,
        logged_by          uuid REFERENCES app_user (id),
        handled_by         uuid REFERENCES app_user (id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_privacy_request_handled CHECK ((status IN ('completed', 'rejected')) = (handled_at IS NOT NULL)),
        -- Handled: nothing of the subject in plain any more.
        CONSTRAINT ck_privacy_request_blank_when_handled CHECK (
          status NOT IN ('completed', 'rejected')
          OR (subject_phones = '{}' AND subject_emails = '{}' AND subject_name IS NULL AND subject_names IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_privacy_request_status ON privacy_request (status, received_at)`);
    await q.query(`CREATE INDEX ix_privacy_request_digests ON privacy_request USING gin (subject_digests)`);
    await q.query(`CREATE INDEX ix_privacy_request_logged_by ON privacy_request (logged_by, received_at)`);
    // One recorded self-service access per token, and one erasure per token: a retried POST is the same request.
    // A subject's reports and messages by address, as the requests look them up (lower case).
    await q.query(`CREATE INDEX ix_report_reporter_email_lower ON report (lower(reporter_email)) WHERE reporter_email IS NOT NULL`);
    await q.query(
      `CREATE INDEX ix_notification_citizen_recipient ON notification (lower(recipient)) WHERE channel IN ('email', 'sms') AND recipient <> ''`,
    );
    await q.query(`CREATE UNIQUE INDEX uq_privacy_request_access ON privacy_request (access_id, kind) WHERE access_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_notification_citizen_recipient`);
    await q.query(`DROP INDEX ix_report_reporter_email_lower`);
    await q.query(`DROP TABLE privacy_request`);
    await q.query(`DROP TABLE privacy_access`);
    await q.query(`DROP TABLE privacy_verification`);
    await setAuditEventTypes(q, AUDIT_EVENT_TYPES_BEFORE_PRIVACY_REQUESTS);
  }
}

export const PRIVACY_AUDIT_TYPES = [
  'privacy_access_granted',
  'privacy_data_exported',
  'privacy_request_received',
  'privacy_request_completed',
  'privacy_request_rejected',
] as const;
