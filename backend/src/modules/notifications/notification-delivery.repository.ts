import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../engine/database/transactional.repository';
import { EntityManager } from 'typeorm';
import type { NewNotification } from './notifications.repository';

/** A due notification as the delivery claims it. */
export interface PendingNotification extends Pick<NewNotification, 'reportId' | 'channel' | 'recipient' | 'template' | 'payload'> {
  id: string;
  attempts: number;
}

/** The delivery side of the notification table: claim due rows, mark each outcome. */
@Injectable()
export class NotificationDeliveryRepository extends TransactionalRepository {
  /** Due rows, locked until the transaction ends; rows another worker holds are skipped, not waited on. */
  async claim(tx: EntityManager, limit: number, now: Date): Promise<PendingNotification[]> {
    // bigint arrives as text from the driver; payload is NOT NULL, the coalesce only spells out the default.
    return tx.query(
      `SELECT id, report_id AS "reportId", channel, recipient, template, COALESCE(payload, '{}') AS payload, attempts
         FROM notification
        WHERE status = 'recorded' AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
        ORDER BY id
        LIMIT $1
          FOR UPDATE SKIP LOCKED`,
      [limit, now],
    );
  }

  async markSent(tx: EntityManager, id: string, providerId: string | null, now: Date): Promise<void> {
    await tx.query(
      `UPDATE notification SET status = 'sent', sent_at = $2, attempts = attempts + 1, provider_id = $3, last_error = NULL, next_attempt_at = NULL WHERE id = $1`,
      [id, now, providerId],
    );
  }

  /** One more failed attempt: retried at `retryAt`, or given up on ('failed') when retryAt is null. */
  async markAttemptFailed(tx: EntityManager, id: string, error: string, retryAt: Date | null): Promise<void> {
    await tx.query(
      `UPDATE notification
          SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
              status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE status END
        WHERE id = $1`,
      [id, error, retryAt],
    );
  }
}
