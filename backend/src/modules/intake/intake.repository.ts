import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../../engine/database/transactional.repository';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { CategoryAttribute, Priority } from '../categories/category.entity';
import type { ReportChannel } from '../report-record/report.entity';
import { preparedQuery } from '../../engine/database/prepared-query';
import { LocatedWard, wardContaining } from '../geo/ward-lookup.sql';
import { insertEventsSql, insertReportsSql } from '../report-record/report-record.sql';
import { formatTrackingCode, TRACKING_TIME_ZONE } from './tracking-code';

export interface IntakeCategory {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  defaultPriority: Priority;
  attributes: CategoryAttribute[];
}

export interface NewReport {
  code: string;
  channel: ReportChannel;
  categoryId: number;
  description: string;
  lng: number;
  lat: number;
  address: string | null;
  priority: Priority;
  reporter: { name: string | null; phone: string | null; email: string | null; hideIdentity: boolean };
  attributes: Record<string, unknown>;
  createdAt: Date;
  actor: { userId: string; role: string } | null;
  /** SHA-256 of the reporter's secret (see reporter-access). */
  secretHash: Buffer;
}

export interface SavedReport {
  id: string;
  code: string;
  createdAt: Date;
  ward: LocatedWard;
}

export interface StoredAnswer {
  requestHash: string;
  response: Record<string, unknown>;
}

@Injectable()
export class IntakeRepository extends TransactionalRepository {
  /** Every active category by code (thirty-odd rows): the service caches it. */
  async activeCategories(): Promise<Map<string, IntakeCategory>> {
    const rows: IntakeCategory[] = await this.db.query(
      `SELECT id, code, name_vi AS "nameVi", name_en AS "nameEn", default_priority AS "defaultPriority", attributes
         FROM category WHERE active`,
    );
    return new Map(rows.map((r) => [r.code, r]));
  }

  /**
   * Serialises submissions that carry the same key: the first holds the lock until it commits;
   * a concurrent retry does not wait for it but learns that it is still running.
   */
  async tryLockKey(tx: EntityManager, scope: string, key: string): Promise<boolean> {
    const rows = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 1022)) AS ok`, [`${scope}\n${key}`]);
    return rows[0].ok;
  }

  async storedAnswer(tx: EntityManager, scope: string, key: string): Promise<StoredAnswer | null> {
    const rows = await tx.query(`SELECT request_hash AS "requestHash", response FROM idempotency_key WHERE scope = $1 AND key = $2`, [
      scope,
      key,
    ]);
    return rows[0] ?? null;
  }

  async storeAnswer(tx: EntityManager, scope: string, key: string, requestHash: string, reportId: string, response: object): Promise<void> {
    await tx.query(`INSERT INTO idempotency_key (scope, key, request_hash, report_id, response) VALUES ($1, $2, $3, $4, $5)`, [
      scope,
      key,
      requestHash,
      reportId,
      response,
    ]);
  }

  /**
   * The ward containing the point, the report, its first public timeline event (and, when the
   * reporter left contact details, the non-public record of who stored which of them: invariant
   * 6 for personal data) and its outbox row in one prepared statement: atomic on its own (no
   * transaction needed when nothing else is written) and one round trip. No row when the point
   * is outside the city (nothing written). The reporter's secret (its hash) is written with it. A tracking code collision (2^30 codes a day) surfaces
   * as a unique violation on uq_report_code, which the service retries with a new code.
   */
  async insertReport(q: EntityManager, r: NewReport): Promise<SavedReport | null> {
    const rows = await preparedQuery<SavedReport>(q, 'intake-insert-report', INSERT_REPORT, [
      trackingCode(r.createdAt),
      r.channel,
      r.categoryId,
      r.description,
      r.lng,
      r.lat,
      r.address,
      r.priority,
      r.reporter.name,
      r.reporter.phone,
      r.reporter.email,
      r.reporter.hideIdentity,
      r.attributes,
      r.createdAt,
      r.actor?.userId ?? null,
      r.actor?.role ?? null,
      { channel: r.channel },
      personalDataRecorded(r),
      r.secretHash,
    ]);
    return rows[0] ?? null;
  }

  get manager(): EntityManager {
    return this.db.manager;
  }

  /** Moves staged uploads onto the report; returns the ids it could claim (unclaimed and existing). */
  async claimUploads(tx: EntityManager, reportId: string, uploadIds: string[]): Promise<string[]> {
    if (uploadIds.length === 0) return [];
    const rows: { id: string }[] = await tx.query(
      `WITH claimed AS (
         UPDATE upload SET claimed_at = now() WHERE id = ANY($2::uuid[]) AND claimed_at IS NULL
         RETURNING id, storage_key, content_type, size_bytes, width, height, sha256)
       INSERT INTO attachment (id, report_id, kind, storage_key, content_type, size_bytes, width, height, sha256)
       SELECT id, $1, 'citizen', storage_key, content_type, size_bytes, width, height, sha256 FROM claimed
       RETURNING id`,
      [reportId, uploadIds],
    );
    return rows.map((r) => r.id);
  }
}

const INSERT_REPORT = `
  WITH ward AS (${wardContaining('$5', '$6')}),
  rep AS (
    ${insertReportsSql(
      `code, channel, category_id, description, point, point_3857, address, admin_unit_id, ward_code,
                        priority, reporter_name, reporter_phone, reporter_email, hide_identity, attributes, created_at, updated_at`,
      `SELECT $1, $2, $3, $4, ST_SetSRID(ST_MakePoint($5, $6), 4326), ST_Transform(ST_SetSRID(ST_MakePoint($5, $6), 4326), 3857),
           $7, ward.id, ward.code, $8, $9, $10, $11, $12, $13, $14, $14 FROM ward`,
    )}
    RETURNING id, code, created_at),
  ev AS (
    ${insertEventsSql('report_id, type, actor_user_id, actor_role, to_status, is_public, data, created_at', `SELECT id, 'created', $15, $16, 'new', true, $17, created_at FROM rep`)}
    RETURNING report_id, created_at),
  -- Reads ev, so it is inserted after it: the timeline still opens with 'created'.
  pd AS (
    ${insertEventsSql(
      'report_id, type, actor_user_id, actor_role, is_public, data, created_at',
      `SELECT report_id, 'personal_data_recorded', $15, $16, false, $18::jsonb, created_at FROM ev WHERE $18::jsonb IS NOT NULL`,
    )}),
  ob AS (
    INSERT INTO outbox (topic, aggregate_id) SELECT 'report.created', id::text FROM rep),
  -- The reporter's secret, hashed (reporter_secret belongs to reporter-access; written here so
  -- that filing stays one statement).
  sec AS (
    INSERT INTO reporter_secret (report_id, kind, secret_hash) SELECT id, 'filing', $19 FROM rep)
  SELECT rep.id, rep.code, rep.created_at AS "createdAt", json_build_object('id', ward.id, 'code', ward.code, 'name', ward.name) AS ward
    FROM rep, ward`;

/** The audit line of a report filed with contact details: which fields were stored, never their values. */
function personalDataRecorded(r: NewReport): Record<string, unknown> | null {
  const fields = (['name', 'phone', 'email'] as const).filter((f) => r.reporter[f] !== null && r.reporter[f] !== '');
  return fields.length === 0 ? null : { subject: 'reporter', fields, hideIdentity: r.reporter.hideIdentity, channel: r.channel };
}

// Built once: constructing an Intl formatter per report was a measurable share of intake's CPU.
const LOCAL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: TRACKING_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

function trackingCode(at: Date): string {
  const parts = LOCAL_DATE.formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return formatTrackingCode({ year: get('year'), month: get('month'), day: get('day') }, randomInt(0, 2 ** 30));
}
