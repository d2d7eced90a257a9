import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake: Open311 attribute answers on reports, idempotency keys (invariant 1: a retried
 * submission never makes a second report — the primary key is the guarantee), staged photo
 * uploads, and the callers attached to a ticket by the call centre.
 */
export class Intake1763769600000 implements MigrationInterface {
  name = 'Intake1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE idempotency_key (
        scope         text NOT NULL,
        key           text NOT NULL,
        request_hash  char(64) NOT NULL,
        report_id     uuid NOT NULL REFERENCES report (id),
        response      jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_idempotency_key PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at)`);
    await q.query(`
      CREATE TABLE upload (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        storage_key   text NOT NULL,
        content_type  text NOT NULL,
        size_bytes    integer NOT NULL,
        width         integer NOT NULL,
        height        integer NOT NULL,
        sha256        char(64) NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        claimed_at    timestamptz
      )`);
    await q.query(`CREATE INDEX ix_upload_unclaimed ON upload (created_at) WHERE claimed_at IS NULL`);
    await q.query(`
      CREATE TABLE report_caller (
        id            bigserial PRIMARY KEY,
        report_id     uuid NOT NULL REFERENCES report (id),
        phone         text NOT NULL,
        name          text,
        note          text,
        operator_id   uuid REFERENCES app_user (id),
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_report_caller_phone ON report_caller (phone, created_at)`);
    await q.query(`CREATE INDEX ix_report_caller_report ON report_caller (report_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS report_caller`);
    await q.query(`DROP TABLE IF EXISTS upload`);
    await q.query(`DROP TABLE IF EXISTS idempotency_key`);
    await q.query(`ALTER TABLE report DROP COLUMN IF EXISTS attributes`);
  }
}
