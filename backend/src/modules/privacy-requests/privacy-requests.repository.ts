import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PrivacyRequestChannel, PrivacyRequestKind, PrivacyRequestStatus } from './privacy-request-rules';

export interface PrivacyRequestRow {
  id: string;
  kind: PrivacyRequestKind;
  channel: PrivacyRequestChannel;
  status: PrivacyRequestStatus;
  receivedAt: Date;
  dueAt: Date;
  handledAt: Date | null;
  phones: string[];
  emails: string[];
  name: string | null;
  reportIds: string[] | null;
  names: string[] | null;
  identityCheck: string | null;
  reason: string;
  rejectReason: string | null;
  outcome: Record<string, number> | null;
  loggedBy: string | null;
  loggedByName: string | null;
  handledByName: string | null;
}

export interface NewRequestRow {
  kind: PrivacyRequestKind;
  channel: PrivacyRequestChannel;
  status: PrivacyRequestStatus;
  receivedAt: Date;
  dueAt: Date;
  handledAt: Date | null;
  phones: string[];
  emails: string[];
  name: string | null;
  digests: string[];
  identityCheck: string | null;
  reason: string;
  outcome: Record<string, number> | null;
  accessId: string | null;
  loggedBy: string | null;
}

const SELECT = `
  SELECT p.id, p.kind, p.channel, p.status, p.received_at, p.due_at, p.handled_at, p.subject_phones, p.subject_emails, p.subject_name,
         p.subject_report_ids, p.subject_names, p.identity_check, p.reason, p.reject_reason, p.outcome, p.logged_by,
         l.username AS logged_by_name, h.username AS handled_by_name
    FROM privacy_request p LEFT JOIN app_user l ON l.id = p.logged_by LEFT JOIN app_user h ON h.id = p.handled_by`;

type Raw = {
  id: string;
  kind: PrivacyRequestKind;
  channel: PrivacyRequestChannel;
  status: PrivacyRequestStatus;
  received_at: Date;
  due_at: Date;
  handled_at: Date | null;
  subject_phones: string[];
  subject_emails: string[];
  subject_name: string | null;
  subject_report_ids: string[] | null;
  subject_names: string[] | null;
  identity_check: string | null;
  reason: string;
  reject_reason: string | null;
  outcome: Record<string, number> | null;
  logged_by: string | null;
  logged_by_name: string | null;
  handled_by_name: string | null;
};

const toRow = (r: Raw): PrivacyRequestRow => ({
  id: r.id,
  kind: r.kind,
  channel: r.channel,
  status: r.status,
  receivedAt: r.received_at,
  dueAt: r.due_at,
  handledAt: r.handled_at,
  phones: r.subject_phones,
  emails: r.subject_emails,
  name: r.subject_name,
  reportIds: r.subject_report_ids,
  names: r.subject_names,
  identityCheck: r.identity_check,
  reason: r.reason,
  rejectReason: r.reject_reason,
  outcome: r.outcome,
  loggedBy: r.logged_by,
  loggedByName: r.logged_by_name,
  handledByName: r.handled_by_name,
});

// Handled: the subject's values go, their digests stay (the check constraint holds the table to it).
const BLANK = `subject_phones = '{}', subject_emails = '{}', subject_name = NULL, subject_names = NULL`;

@Injectable()
export class PrivacyRequestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** A new request; with an access token, the one of that kind the token already made when there is one. */
  async insert(tx: EntityManager, r: NewRequestRow): Promise<{ id: string; created: boolean }> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO privacy_request (kind, channel, status, received_at, due_at, handled_at, subject_phones, subject_emails, subject_name,
                                    subject_digests, identity_check, reason, outcome, access_id, logged_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (access_id, kind) WHERE access_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        r.kind,
        r.channel,
        r.status,
        r.receivedAt,
        r.dueAt,
        r.handledAt,
        r.phones,
        r.emails,
        r.name,
        r.digests,
        r.identityCheck,
        r.reason,
        r.outcome,
        r.accessId,
        r.loggedBy,
      ],
    );
    if (rows[0]) return { id: rows[0].id, created: true };
    const existing: { id: string }[] = await tx.query(`SELECT id FROM privacy_request WHERE access_id = $1 AND kind = $2`, [
      r.accessId,
      r.kind,
    ]);
    return { id: existing[0].id, created: false };
  }

  async list(filter: {
    status?: PrivacyRequestStatus;
    loggedBy?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: PrivacyRequestRow[]; total: number }> {
    const where = `WHERE ($1::text IS NULL OR p.status = $1) AND ($2::uuid IS NULL OR p.logged_by = $2)`;
    const params = [filter.status ?? null, filter.loggedBy ?? null];
    const rows: Raw[] = await this.db.query(`${SELECT} ${where} ORDER BY p.received_at DESC, p.id LIMIT $3 OFFSET $4`, [
      ...params,
      filter.limit,
      filter.offset,
    ]);
    const total: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM privacy_request p ${where}`, params);
    return { items: rows.map(toRow), total: total[0].n };
  }

  async get(q: EntityManager | null, id: string, lock = false): Promise<PrivacyRequestRow | null> {
    const rows: Raw[] = await (q ?? this.db).query(`${SELECT} WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** The subject's earlier requests, found by the digests of any of their identifiers. */
  async ofSubject(digests: string[]): Promise<PrivacyRequestRow[]> {
    if (digests.length === 0) return [];
    const rows: Raw[] = await this.db.query(`${SELECT} WHERE p.subject_digests && $1::text[] ORDER BY p.received_at, p.id`, [digests]);
    return rows.map(toRow);
  }

  /** An erasure starts: the reports and names it covers are fixed, so a retry erases the same. */
  async start(tx: EntityManager, id: string, reportIds: string[], names: string[]): Promise<void> {
    await tx.query(
      `UPDATE privacy_request SET status = 'in_progress', subject_report_ids = coalesce(subject_report_ids, $2), subject_names = coalesce(subject_names, $3)
        WHERE id = $1`,
      [id, reportIds, names],
    );
  }

  async complete(tx: EntityManager, id: string, outcome: Record<string, number>, handledBy: string | null, now: Date): Promise<void> {
    await tx.query(
      `UPDATE privacy_request SET status = 'completed', handled_at = $2, handled_by = $3, outcome = $4, ${BLANK} WHERE id = $1`,
      [id, now, handledBy, outcome],
    );
  }

  async reject(tx: EntityManager, id: string, reason: string, handledBy: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE privacy_request SET status = 'rejected', handled_at = $2, handled_by = $3, reject_reason = $4, ${BLANK} WHERE id = $1`,
      [id, now, handledBy, reason],
    );
  }

  /** Erasures received but not completed (a crash, an unavailable erasure): the worker's sweep takes them again. */
  async openErasures(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM privacy_request WHERE kind = 'erasure' AND status IN ('received', 'in_progress') AND access_id IS NOT NULL
        ORDER BY received_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** The reports filed with one of the phones or addresses, and every name given with them or by the callers. */
  async subjectReports(phones: string[], emails: string[]): Promise<{ reportIds: string[]; names: string[] }> {
    const rows: { report_ids: string[] | null; names: string[] | null }[] = await this.db.query(
      `WITH mine AS (
         SELECT id, reporter_name AS name FROM report WHERE reporter_phone = ANY($1::text[]) OR lower(reporter_email) = ANY($2::text[])),
       called AS (SELECT name FROM report_caller WHERE phone = ANY($1::text[]))
       SELECT (SELECT array_agg(id ORDER BY id) FROM mine) AS report_ids,
              (SELECT array_agg(DISTINCT n) FROM (SELECT name AS n FROM mine UNION SELECT name FROM called) x WHERE n IS NOT NULL AND n <> '') AS names`,
      [phones, emails],
    );
    return { reportIds: rows[0].report_ids ?? [], names: rows[0].names ?? [] };
  }
}
