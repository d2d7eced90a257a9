import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SelfServiceChannel } from './privacy-request-rules';

export interface LiveAccess {
  id: string;
  channel: SelfServiceChannel;
  phones: string[];
  emails: string[];
  expiresAt: Date;
}

/** A reporter's contact as the report holds it, found by the tracking code of the private link. */
export interface LinkedReport {
  id: string;
  phone: string | null;
  email: string | null;
}

@Injectable()
export class PrivacyAccessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  manager(): EntityManager {
    return this.db.manager;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(
    row: { tokenHash: Buffer; channel: SelfServiceChannel; phones: string[]; emails: string[]; expiresAt: Date },
    now: Date,
  ): Promise<string> {
    return this.db.transaction(async (tx) => {
      // Tokens past their life go as new ones are made: the rows hold phones and addresses.
      await tx.query(`DELETE FROM privacy_access WHERE expires_at < $1`, [now]);
      const rows: { id: string }[] = await tx.query(
        `INSERT INTO privacy_access (token_hash, channel, phones, emails, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [row.tokenHash, row.channel, row.phones, row.emails, row.expiresAt],
      );
      return rows[0].id;
    });
  }

  async findLive(q: EntityManager | null, tokenHash: Buffer, now: Date, lock = false): Promise<LiveAccess | null> {
    const rows: { id: string; channel: SelfServiceChannel; phones: string[]; emails: string[]; expires_at: Date }[] = await (
      q ?? this.db
    ).query(
      `SELECT id, channel, phones, emails, expires_at FROM privacy_access WHERE token_hash = $1 AND expires_at > $2${lock ? ' FOR UPDATE' : ''}`,
      [tokenHash, now],
    );
    const r = rows[0];
    return r ? { id: r.id, channel: r.channel, phones: r.phones, emails: r.emails, expiresAt: r.expires_at } : null;
  }

  /** Voids a token: its row (and the identifiers it held) goes. */
  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`DELETE FROM privacy_access WHERE id = $1`, [id]);
  }

  /** Voids every live token naming one of these phones or addresses (an erasure leaves none behind). */
  async deleteForSubject(tx: EntityManager, phones: string[], emails: string[]): Promise<void> {
    await tx.query(`DELETE FROM privacy_access WHERE phones && $1::text[] OR emails && $2::text[]`, [phones, emails]);
  }

  async reportByCode(code: string): Promise<LinkedReport | null> {
    const rows: { id: string; reporter_phone: string | null; reporter_email: string | null }[] = await this.db.query(
      `SELECT id, reporter_phone, reporter_email FROM report WHERE code = $1`,
      [code],
    );
    return rows[0] ? { id: rows[0].id, phone: rows[0].reporter_phone, email: rows[0].reporter_email } : null;
  }

  /** Whether any report, caller record or message to a citizen holds this address (compared in lower case). */
  async emailIsKnown(email: string): Promise<boolean> {
    const rows: { known: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM report WHERE lower(reporter_email) = $1)
           OR EXISTS (SELECT 1 FROM notification WHERE channel IN ('email', 'sms') AND recipient <> '' AND lower(recipient) = $1) AS known`,
      [email],
    );
    return rows[0].known;
  }
}
