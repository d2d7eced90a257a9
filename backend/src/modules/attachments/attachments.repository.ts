import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { endedBeforeSql } from '../report-record/report-status';

export interface NewUpload {
  id: string;
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  width: number;
  height: number;
  sha256: string;
}

/** A photo that may be served: attached to a report, or uploaded and not yet claimed. */
export interface ServablePhoto {
  source: 'attachment' | 'upload';
  storageKey: string;
  contentType: string;
  sha256: string;
}

@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertUpload(u: NewUpload): Promise<void> {
    await this.db.query(
      `INSERT INTO upload (id, storage_key, content_type, size_bytes, width, height, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [u.id, u.storageKey, u.contentType, u.sizeBytes, u.width, u.height, u.sha256],
    );
  }

  /** An attachment by id, else an unclaimed upload by id; a claimed upload is served as its attachment. */
  async findServable(id: string): Promise<ServablePhoto | null> {
    const rows: ServablePhoto[] = await this.db.query(
      `SELECT source, storage_key AS "storageKey", content_type AS "contentType", sha256
         FROM (SELECT 'attachment' AS source, 1 AS rank, storage_key, content_type, sha256 FROM attachment WHERE id = $1
               UNION ALL
               SELECT 'upload', 2, storage_key, content_type, sha256 FROM upload WHERE id = $1 AND claimed_at IS NULL) p
        ORDER BY rank
        LIMIT 1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Deletes up to `limit` unclaimed uploads created before `cutoff` and returns their storage
   * keys. FOR UPDATE SKIP LOCKED plus the claimed_at re-check make this safe against intake
   * claiming the same upload at the same moment: whichever commits first wins, and a claimed
   * upload is never deleted.
   */
  async deleteUnclaimedBefore(cutoff: Date, limit: number): Promise<string[]> {
    // Wrapped in a SELECT because TypeORM answers a bare DELETE with [rows, count].
    const rows: { storage_key: string }[] = await this.db.query(
      `WITH gone AS (
         DELETE FROM upload
          WHERE id IN (SELECT id FROM upload
                        WHERE claimed_at IS NULL AND created_at < $1
                        ORDER BY created_at
                        LIMIT $2
                        FOR UPDATE SKIP LOCKED)
            AND claimed_at IS NULL
          RETURNING storage_key)
       SELECT storage_key FROM gone`,
      [cutoff, limit],
    );
    return rows.map((r) => r.storage_key);
  }

  /** Deletes up to `limit` citizens' photos of reports that ended before `cutoff` and returns their storage keys. */
  async deleteCitizenPhotosOfReportsEndedBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows: { storage_key: string }[] = await this.db.query(
      `WITH gone AS (
         DELETE FROM attachment
          WHERE id IN (SELECT a.id FROM attachment a JOIN report r ON r.id = a.report_id
                        WHERE a.kind = 'citizen' AND ${endedBeforeSql('r', '$1')}
                        LIMIT $2
                        FOR UPDATE OF a SKIP LOCKED)
          RETURNING storage_key)
       SELECT storage_key FROM gone`,
      [cutoff, limit],
    );
    return rows.map((r) => r.storage_key);
  }
}
