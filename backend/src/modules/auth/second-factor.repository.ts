import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SecondFactorRecord {
  secret: string | null;
  pendingSecret: string | null;
  enabledAt: Date | null;
  lastStep: number | null;
}

/** The second-factor columns of app_user and the recovery codes. */
@Injectable()
export class SecondFactorRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(userId: string): Promise<SecondFactorRecord | null> {
    const [r] = await this.db.query(
      `SELECT totp_secret, totp_pending_secret, totp_enabled_at, totp_last_step FROM app_user WHERE id = $1`,
      [userId],
    );
    return r
      ? {
          secret: r.totp_secret,
          pendingSecret: r.totp_pending_secret,
          enabledAt: r.totp_enabled_at,
          lastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
        }
      : null;
  }

  async setPending(userId: string, secret: string): Promise<void> {
    await this.db.query(`UPDATE app_user SET totp_pending_secret = $2 WHERE id = $1 AND totp_enabled_at IS NULL`, [userId, secret]);
  }

  /** The pending secret becomes the factor, with its recovery codes, in one transaction. */
  async enable(userId: string, secret: string, step: number, codeHashes: string[], now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [rows] = await tx.query(
        `UPDATE app_user SET totp_secret = $2, totp_pending_secret = NULL, totp_enabled_at = $4, totp_last_step = $3
          WHERE id = $1 AND totp_pending_secret = $2 AND totp_enabled_at IS NULL RETURNING id`,
        [userId, secret, step, now],
      );
      if (rows.length === 0) return false;
      await tx.query(`DELETE FROM user_recovery_code WHERE user_id = $1`, [userId]);
      await tx.query(`INSERT INTO user_recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])`, [userId, codeHashes]);
      return true;
    });
  }

  /** Takes a time step if it is after the last one taken: of two sign-ins racing with one code, one wins. */
  async takeStep(userId: string, step: number): Promise<boolean> {
    const [rows] = await this.db.query(
      `UPDATE app_user SET totp_last_step = $2 WHERE id = $1 AND totp_enabled_at IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [userId, step],
    );
    return rows.length === 1;
  }

  async useRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
    const [rows] = await this.db.query(
      `UPDATE user_recovery_code SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, codeHash, now],
    );
    return rows.length === 1;
  }

  async remainingRecoveryCodes(userId: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM user_recovery_code WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
    ]);
    return n;
  }

  /** An admin's reset: the account has no second factor until its user enrols again. */
  async clear(userId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [rows] = await tx.query(
        `UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1 RETURNING id`,
        [userId],
      );
      await tx.query(`DELETE FROM user_recovery_code WHERE user_id = $1`, [userId]);
      return rows.length === 1;
    });
  }
}
