import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { endedBeforeSql, type ReportStatus } from './report-status';

/** One line of a ticket's timeline, as its writer gives it. */
export interface TimelineEvent {
  reportId: string;
  type: string;
  actorUserId?: string | null;
  actorRole?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  fromUnitId?: string | null;
  toUnitId?: string | null;
  isPublic: boolean;
  /** Free text: stored in report_event_personal, where erasure can reach it. */
  message?: string | null;
  data?: Record<string, unknown>;
  /** Details typed by a person (a rating's comment): stored beside `message`, merged into `data` when read. */
  personal?: Record<string, unknown>;
}

/**
 * Inserts one event (CTE `ev`, returning its id) with its free text, if any, in
 * report_event_personal: one statement, so neither row exists without the other. Parameter
 * number `n` is the message, `n + 1` the personal details.
 */
function insertEventWithPersonal(columns: string, values: string, n: number): string {
  return `WITH ev AS (INSERT INTO report_event (${columns}) VALUES (${values}) RETURNING id),
       pe AS (INSERT INTO report_event_personal (event_id, message, data)
              SELECT id, $${n}::text, $${n + 1}::jsonb FROM ev WHERE $${n}::text IS NOT NULL OR $${n + 1}::jsonb IS NOT NULL)
  SELECT id FROM ev`;
}

export type PersonalDataEventType = 'personal_data_viewed' | 'personal_data_revealed';

/** Who saw which of a reporter's contact fields, and why. */
export interface PersonalDataAccess {
  reportId: string;
  type: PersonalDataEventType;
  actorUserId: string;
  actorRole: string;
  fields: string[];
  reason?: string;
}

export interface StatusChange {
  resolved?: boolean;
  closed?: boolean;
  acknowledged?: boolean;
  masterId?: string;
}

export interface PlaceChange {
  categoryId: number;
  priority: string;
  lng: number | null;
  lat: number | null;
  adminUnitId: string | null;
  wardCode: string | null;
}

/** The writes of one report and its timeline, each in the caller's transaction. */
@Injectable()
export class ReportRecordRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Moves the ticket to `status` only if nobody changed it since `version` was read (optimistic check). */
  async setStatus(tx: EntityManager, id: string, version: number, status: ReportStatus, extra: StatusChange = {}): Promise<number | null> {
    const rows = await tx.query(
      `WITH u AS (
         UPDATE report SET status = $3::report_status, version = version + 1, updated_at = now(),
                resolved_at = CASE WHEN $4 THEN now() ELSE resolved_at END,
                closed_at = CASE WHEN $5 THEN now() ELSE closed_at END,
                acknowledged_at = CASE WHEN $6 AND acknowledged_at IS NULL THEN now() ELSE acknowledged_at END,
                master_report_id = coalesce($7, master_report_id)
          WHERE id = $1 AND version = $2 RETURNING version)
       SELECT version FROM u`,
      [id, version, status, Boolean(extra.resolved), Boolean(extra.closed), Boolean(extra.acknowledged), extra.masterId ?? null],
    );
    return rows[0]?.version ?? null;
  }

  async setAssignment(tx: EntityManager, id: string, unitId: string, status: string): Promise<void> {
    await tx.query(
      `UPDATE report SET assigned_unit_id = $2, status = $3::report_status, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, unitId, status],
    );
  }

  async setPlace(tx: EntityManager, id: string, change: PlaceChange): Promise<void> {
    await tx.query(
      `UPDATE report SET category_id = $2, priority = $3::priority,
              point = CASE WHEN $4::float8 IS NULL THEN point ELSE ST_SetSRID(ST_MakePoint($4, $5), 4326) END,
              admin_unit_id = coalesce($6, admin_unit_id), ward_code = coalesce($7, ward_code),
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id, change.categoryId, change.priority, change.lng, change.lat, change.adminUnitId, change.wardCode],
    );
  }

  async addFollowers(tx: EntityManager, id: string, count: number): Promise<void> {
    await tx.query(`UPDATE report SET follower_count = follower_count + $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      id,
      count,
    ]);
  }

  /**
   * Invariant 6 for personal data: every view or reveal of a reporter's contact details is a
   * non-public timeline event (report_event is append-only in the database).
   */
  async recordPersonalDataAccess(e: PersonalDataAccess): Promise<void> {
    await this.db.query(
      insertEventWithPersonal('report_id, type, actor_user_id, actor_role, is_public, data', '$1, $2, $3, $4, false, $5', 6),
      [e.reportId, e.type, e.actorUserId, e.actorRole, { fields: e.fields }, e.reason ?? null, e.reason ? { reason: e.reason } : null],
    );
  }

  /** One more follower (a caller added); null when there is no such report. */
  async addFollower(tx: EntityManager, id: string): Promise<{ id: string; code: string; followerCount: number } | null> {
    const rows = await tx.query(
      // Wrapped in a CTE so the driver answers with the rows (a bare UPDATE gives [rows, count]).
      `WITH u AS (UPDATE report SET follower_count = follower_count + 1, updated_at = now(), version = version + 1
                   WHERE id = $1 RETURNING id, code, follower_count)
       SELECT id, code, follower_count AS "followerCount" FROM u`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The public line that a caller was added, and the non-public one naming the personal data stored, in one statement. */
  async appendCallerAttached(
    tx: EntityManager,
    reportId: string,
    operator: { userId: string; role: string },
    shown: Record<string, unknown>,
    stored: Record<string, unknown>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO report_event (report_id, type, actor_user_id, actor_role, is_public, data)
       VALUES ($1, 'caller_attached', $2, $3, true, $4), ($1, 'personal_data_recorded', $2, $3, false, $5)`,
      [reportId, operator.userId, operator.role, shown, stored],
    );
  }

  async appendEvent(tx: EntityManager, e: TimelineEvent): Promise<string> {
    const personal = e.personal && Object.keys(e.personal).length > 0 ? e.personal : null;
    const rows = await tx.query(
      insertEventWithPersonal(
        'report_id, type, actor_user_id, actor_role, from_status, to_status, from_unit_id, to_unit_id, is_public, data',
        '$1, $2, $3, $4, $5::report_status, $6::report_status, $7, $8, $9, $10',
        11,
      ),
      [
        e.reportId,
        e.type,
        e.actorUserId ?? null,
        e.actorRole ?? null,
        e.fromStatus ?? null,
        e.toStatus ?? null,
        e.fromUnitId ?? null,
        e.toUnitId ?? null,
        e.isPublic,
        e.data ?? {},
        e.message ?? null,
        personal,
      ],
    );
    return rows[0].id;
  }

  /**
   * Blanks the reporter's name, phone and e-mail of up to `limit` reports that ended before
   * `cutoff` (retention); returns how many. Touches neither status, version nor times, so the
   * figures and the maps do not move, and a report already blank is never counted again.
   */
  async blankReporterContactEndedBefore(cutoff: Date, limit: number): Promise<number> {
    const rows = await this.db.query(
      `WITH due AS (
         SELECT r.id FROM report r
          WHERE ${endedBeforeSql('r', '$1')}
            AND (r.reporter_name IS NOT NULL OR r.reporter_phone IS NOT NULL OR r.reporter_email IS NOT NULL)
          LIMIT $2
          FOR UPDATE SKIP LOCKED),
       u AS (
         UPDATE report SET reporter_name = NULL, reporter_phone = NULL, reporter_email = NULL
          WHERE id IN (SELECT id FROM due) RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [cutoff, limit],
    );
    return rows[0].n;
  }
}
