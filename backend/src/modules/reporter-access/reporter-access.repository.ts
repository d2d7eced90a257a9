import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

@Injectable()
export class ReporterAccessRepository {
  /** The filing secret's hash, replacing any earlier one (a replayed filing rotates it). */
  async replaceFilingSecret(tx: EntityManager, reportId: string, hash: Buffer): Promise<void> {
    await tx.query(
      `INSERT INTO reporter_secret (report_id, kind, secret_hash) VALUES ($1, 'filing', $2)
       ON CONFLICT (report_id) WHERE kind = 'filing' DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = now()`,
      [reportId, hash],
    );
  }

  /** A message's link token; a retried send of the same message replaces the token of the attempt before. */
  async replaceMessageToken(tx: EntityManager, reportId: string, notificationId: string, hash: Buffer, expiresAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO reporter_secret (report_id, kind, secret_hash, notification_id, expires_at) VALUES ($1, 'message', $2, $3, $4)
       ON CONFLICT (notification_id) WHERE notification_id IS NOT NULL
       DO UPDATE SET secret_hash = EXCLUDED.secret_hash, expires_at = EXCLUDED.expires_at, created_at = now()`,
      [reportId, hash, notificationId, expiresAt],
    );
  }

  /** Every hash that may act on the report at `now`: the filing secret and unexpired message tokens. */
  async validHashes(q: EntityManager, reportId: string, now: Date): Promise<Buffer[]> {
    const rows: { h: Buffer }[] = await q.query(
      `SELECT secret_hash AS h FROM reporter_secret WHERE report_id = $1 AND (expires_at IS NULL OR expires_at > $2)`,
      [reportId, now],
    );
    return rows.map((r) => r.h);
  }
}
