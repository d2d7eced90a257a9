import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface PendingVerification {
  id: string;
  codeHash: Buffer | null;
  attempts: number;
}

@Injectable()
export class PrivacyCodesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new verification of an address (by digest); its code is made when the message is sent. */
  async create(tx: EntityManager, emailDigest: Buffer, expiresAt: Date): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO privacy_verification (email_digest, expires_at) VALUES ($1, $2) RETURNING id`,
      [emailDigest, expiresAt],
    );
    return rows[0].id;
  }

  /** Sets the code of a verification being sent (a retried send replaces the code of the attempt before). */
  async setCode(tx: EntityManager, id: string, codeHash: Buffer, expiresAt: Date): Promise<boolean> {
    const rows = await tx.query(
      `WITH u AS (UPDATE privacy_verification SET code_hash = $2, expires_at = $3, attempts = 0 WHERE id = $1 AND used_at IS NULL RETURNING id)
       SELECT id FROM u`,
      [id, codeHash, expiresAt],
    );
    return rows.length === 1;
  }

  /**
   * The address's newest verification that was sent and is still usable at `now`, counted as one
   * more try in the same statement (two tries at once cannot both see the old count).
   */
  async countTry(emailDigest: Buffer, now: Date): Promise<PendingVerification | null> {
    const rows: { id: string; code_hash: Buffer | null; attempts: number }[] = await this.db.query(
      `WITH v AS (
         SELECT id FROM privacy_verification
          WHERE email_digest = $1 AND used_at IS NULL AND code_hash IS NOT NULL AND expires_at > $2
          ORDER BY created_at DESC LIMIT 1
          FOR UPDATE)
       , u AS (UPDATE privacy_verification p SET attempts = p.attempts + 1 FROM v WHERE p.id = v.id
                RETURNING p.id, p.code_hash, p.attempts)
       SELECT * FROM u`,
      [emailDigest, now],
    );
    return rows[0] ? { id: rows[0].id, codeHash: rows[0].code_hash, attempts: rows[0].attempts } : null;
  }

  /** Uses a verification up, once: false when another request used it first. */
  async markUsed(id: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `WITH u AS (UPDATE privacy_verification SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id) SELECT id FROM u`,
      [id, now],
    );
    return rows.length === 1;
  }

  /** Verifications past their life (used or not) go after a day: they hold an address's digest. */
  async purgeExpired(tx: EntityManager, before: Date): Promise<void> {
    await tx.query(`DELETE FROM privacy_verification WHERE expires_at < $1`, [before]);
  }
}
