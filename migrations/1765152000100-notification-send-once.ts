import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message is sent at most once in effect (docs/reliability.md, "Notifications"): delivery
 * commits 'sending' (with sending_since) before it hands a message to the provider and 'sent'
 * after. A row still 'sending' long after (the worker died between the two) may or may not have
 * gone out: it becomes 'unconfirmed' and is not sent again by itself. The partial index keeps
 * that look on the few rows in flight.
 */
export class NotificationSendOnce1765152000100 implements MigrationInterface {
  name = 'NotificationSendOnce1765152000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN sending_since timestamptz,
        DROP CONSTRAINT ck_notification_status,
        ADD CONSTRAINT ck_notification_status CHECK (status IN ('recorded', 'sending', 'sent', 'failed', 'unconfirmed'))`);
    await q.query(`CREATE INDEX ix_notification_sending ON notification (sending_since) WHERE status = 'sending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_notification_sending`);
    // Back to the earlier statuses: in flight or unknown was 'recorded' then (sent again at the next pass).
    await q.query(`UPDATE notification SET status = 'recorded' WHERE status IN ('sending', 'unconfirmed')`);
    await q.query(`
      ALTER TABLE notification
        DROP CONSTRAINT ck_notification_status,
        ADD CONSTRAINT ck_notification_status CHECK (status IN ('recorded', 'sent', 'failed')),
        DROP COLUMN sending_since`);
  }
}
