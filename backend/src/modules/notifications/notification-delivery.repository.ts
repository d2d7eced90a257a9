import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../engine/database/transactional.repository';
import { EntityManager } from 'typeorm';
import type { NewNotification } from './notifications.repository';

/** A due notification as the delivery claims it. */
export interface PendingNotification extends Pick<NewNotification, 'reportId' | 'channel' | 'recipient' | 'template' | 'payload'> {
  id: string;
  attempts: number;
}

/**
 * The delivery side of the notification table. A row goes 'recorded' → 'sending' (committed
 * before the driver gets it) → 'sent', or back to 'recorded' for a retry, or to 'failed'; a row
 * left 'sending' by a worker that died becomes 'unconfirmed' (see NotificationDeliveryService).
 */
@Injectable()
export class NotificationDeliveryRepository extends TransactionalRepository {
  /** The next due row, locked until the transaction ends; rows another worker holds are skipped, not waited on. */
  async claimNext(tx: EntityManager, now: Date): Promise<PendingNotification | null> {
    // bigint arrives as text from the driver; payload is NOT NULL, the coalesce only spells out the default.
    const rows: PendingNotification[] = await tx.query(
      `SELECT id, report_id AS "reportId", channel, recipient, template, COALESCE(payload, '{}') AS payload, attempts
         FROM notification
        WHERE status = 'recorded' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
        ORDER BY id
        LIMIT 1
          FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return rows[0] ?? null;
  }

  async markSending(tx: EntityManager, id: string, now: Date): Promise<void> {
    await tx.query(`UPDATE notification SET status = 'sending', sending_since = $2 WHERE id = $1`, [id, now]);
  }

  /** The driver accepted the message. Only from 'sending': a row settled meanwhile stays as it is. */
  async markSent(id: string, providerId: string | null, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE notification SET status = 'sent', sent_at = $2, attempts = attempts + 1, provider_id = $3, last_error = NULL, next_attempt_at = NULL
        WHERE id = $1 AND status = 'sending'`,
      [id, now, providerId],
    );
  }

  /** One more failed attempt: retried at `retryAt`, or given up on ('failed') when retryAt is null. */
  async markAttemptFailed(q: EntityManager | null, id: string, error: string, retryAt: Date | null): Promise<void> {
    await (q ?? this.db.manager).query(
      `UPDATE notification
          SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
              status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'recorded' END
        WHERE id = $1 AND status IN ('recorded', 'sending')`,
      [id, error, retryAt],
    );
  }

  /** The attempt may or may not have reached the recipient: never sent again by itself. */
  async markUnconfirmed(id: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE notification SET status = 'unconfirmed', attempts = attempts + 1, last_error = $2, next_attempt_at = NULL
        WHERE id = $1 AND status = 'sending'`,
      [id, error],
    );
  }

  /** Rows handed to a driver before `before` and never marked: their worker died in between. Their ids. */
  async settleAbandoned(before: Date, error: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `WITH settled AS (
         UPDATE notification SET status = 'unconfirmed', attempts = attempts + 1, last_error = $2, next_attempt_at = NULL
          WHERE status = 'sending' AND sending_since < $1
          RETURNING id)
       SELECT id FROM settled`,
      [before, error],
    );
    return rows.map((r) => String(r.id));
  }
}
