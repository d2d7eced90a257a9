import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface NewNotification {
  reportId: string | null;
  channel: 'internal' | 'email' | 'sms';
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

  async unitAddress(unitId: string): Promise<{ code: string; email: string | null } | null> {
    const rows = await this.db.query(`SELECT code, email FROM handling_unit WHERE id = $1`, [unitId]);
    return rows[0] ?? null;
  }
}
