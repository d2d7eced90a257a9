import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification delivery: the worker claims 'recorded' rows, sends them through their channel's
 * driver and marks them 'sent' (or, after the last attempt, 'failed'). next_attempt_at spaces
 * retries out; the partial index keeps the claim query on the small pending set, not the archive.
 */
export class NotificationDelivery1764115200000 implements MigrationInterface {
  name = 'NotificationDelivery1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN sent_at         timestamptz,
        ADD COLUMN last_error      text,
        ADD COLUMN provider_id     text,
        ADD CONSTRAINT ck_notification_status CHECK (status IN ('recorded', 'sent', 'failed'))`);
    await q.query(`CREATE INDEX ix_notification_pending ON notification (id) WHERE status = 'recorded'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_notification_pending`);
    await q.query(`
      ALTER TABLE notification
        DROP CONSTRAINT IF EXISTS ck_notification_status,
        DROP COLUMN IF EXISTS provider_id,
        DROP COLUMN IF EXISTS last_error,
        DROP COLUMN IF EXISTS sent_at,
        DROP COLUMN IF EXISTS next_attempt_at,
        DROP COLUMN IF EXISTS attempts`);
  }
}
