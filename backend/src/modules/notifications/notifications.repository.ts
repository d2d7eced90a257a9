import { Injectable } from '@nestjs/common';
import { preparedQuery } from '../../engine/database/prepared-query';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { NotificationChannel } from './notification-driver';
import { unnestParams } from '../../engine/database/unnest-params';

export interface NewNotification {
  reportId: string | null;
  channel: NotificationChannel;
  recipient: string;
  unitId: string | null;
  template: string;
  payload: Record<string, unknown>;
  /** The same key twice is one notification: retries and replays never send twice. */
  dedupeKey: string;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(n: NewNotification, tx?: EntityManager): Promise<boolean> {
    const rows = await (tx ?? this.db).query(
      `INSERT INTO notification (report_id, channel, recipient, unit_id, template, payload, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [n.reportId, n.channel, n.recipient, n.unitId, n.template, n.payload, n.dedupeKey],
    );
    return rows.length === 1;
  }

  /** Many notifications in one statement (a batch of SLA stages); duplicates by key are skipped. */
  async recordMany(tx: EntityManager, list: NewNotification[]): Promise<void> {
    if (list.length === 0) return;
    await preparedQuery(
      tx,
      'notifications-record-many',
      `INSERT INTO notification (report_id, channel, recipient, unit_id, template, payload, dedupe_key)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::jsonb[], $7::text[])
       ON CONFLICT (dedupe_key) DO NOTHING`,
      unnestParams(list, 'reportId', 'channel', 'recipient', 'unitId', 'template', (n) => JSON.stringify(n.payload), 'dedupeKey'),
    );
  }

  /** An internal notification addressed to a unit by its code, in one statement. */
  async recordForUnit(
    tx: EntityManager,
    n: { reportId: string; unitId: string; template: string; payload: Record<string, unknown>; dedupeKey: string },
  ): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO notification (report_id, channel, recipient, unit_id, template, payload, dedupe_key)
       SELECT $1, 'internal', h.code, h.id, $3, $4, $5 FROM handling_unit h WHERE h.id = $2
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [n.reportId, n.unitId, n.template, n.payload, n.dedupeKey],
    );
    return rows.length === 1;
  }

  /**
   * Blanks the recipient of up to `limit` messages to citizens (e-mail, SMS) delivered or given
   * up before `cutoff` (retention); returns how many. Units' addresses (internal) are not personal.
   */
  async blankCitizenRecipientsBefore(cutoff: Date, limit: number): Promise<number> {
    const rows = await this.db.query(
      `WITH due AS (
         SELECT id FROM notification
          WHERE channel IN ('email', 'sms') AND recipient <> '' AND status IN ('sent', 'failed', 'unconfirmed') AND coalesce(sent_at, created_at) < $1
          LIMIT $2
          FOR UPDATE SKIP LOCKED),
       u AS (UPDATE notification SET recipient = '' WHERE id IN (SELECT id FROM due) RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [cutoff, limit],
    );
    return rows[0].n;
  }
}
