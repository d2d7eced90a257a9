import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEventType } from './audit-event.entity';
import type { AuditEventView } from './audit.dto';

export interface NewAuditEvent {
  type: AuditEventType;
  actorUserId: string | null;
  actorRole: string | null;
  subject: string;
  resultCount: number | null;
  data: Record<string, unknown>;
}

export interface AuditFilter {
  actor?: string;
  type?: AuditEventType[];
  subject?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** Events whose subject is a citizen's value (a phone number), kept in the side table. */
const PERSONAL_SUBJECT_TYPES: ReadonlySet<AuditEventType> = new Set(['caller_history_searched']);
const PERSONAL_SUBJECT_SQL = [...PERSONAL_SUBJECT_TYPES].map((t) => `'${t}'`).join(', ');
const PERSONAL_SUBJECT_PLACEHOLDER = 'caller';
/** What staff see where an erased value was. */
const ERASED = '[đã xoá / erased]';
const PERSONAL_JOIN = 'LEFT JOIN audit_event_personal p ON p.event_id = a.id';

/** A row of the search's SELECT. */
interface AuditRow {
  id: string | number;
  type: AuditEventType;
  created_at: Date;
  actor_user_id: string | null;
  username: string;
  actor_role: string | null;
  subject: string;
  result_count: number | null;
  data: Record<string, unknown>;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * INSERT only: the table refuses every other write (triggers and the role's grants). In `tx`
   * when the change it records is in one. Personal values (a searched phone number, a sign-in's
   * address) go to `audit_event_personal`, which only erase_audit_personal may blank; the
   * skeleton keeps a placeholder subject and the data without the address.
   */
  async append(e: NewAuditEvent, tx?: EntityManager): Promise<void> {
    const { ip, ...data } = e.data;
    const personalSubject = PERSONAL_SUBJECT_TYPES.has(e.type) ? e.subject : null;
    const personalIp = typeof ip === 'string' ? ip : null;
    await (tx ?? this.db).query(
      `WITH e AS (
         INSERT INTO audit_event (type, actor_user_id, actor_role, subject, result_count, data) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id)
       INSERT INTO audit_event_personal (event_id, subject, ip)
       SELECT id, $7, $8 FROM e WHERE $7::text IS NOT NULL OR $8::text IS NOT NULL`,
      [
        e.type,
        e.actorUserId,
        e.actorRole,
        personalSubject === null ? e.subject : PERSONAL_SUBJECT_PLACEHOLDER,
        e.resultCount,
        personalIp === null ? e.data : data,
        personalSubject,
        personalIp,
      ],
    );
  }

  /**
   * Blanks the personal values of the events before `cutoff` through the erasure function (its
   * own role; it leaves a `personal_data_erased` event with the count); returns how many.
   */
  async erasePersonalBefore(cutoff: Date, reason: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT erase_audit_personal($1, $2) AS n`, [cutoff, reason]);
    return n;
  }

  /** The events whose searched number is one of `phones` and still held (an erasure of that person). */
  async eventsSearching(tx: EntityManager, phones: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT event_id::text AS id FROM audit_event_personal WHERE subject = ANY($1::text[]) AND erased_at IS NULL ORDER BY event_id FOR UPDATE`,
      [phones],
    );
    return rows.map((r) => r.id);
  }

  /** Blanks the personal values of events `ids` through the eraser's function (it records the call); returns how many. */
  async eraseEvents(tx: EntityManager, ids: readonly string[], reason: string): Promise<number> {
    const [{ n }] = await tx.query(`SELECT erase_audit_personal_events($1::bigint[], $2) AS n`, [ids, reason]);
    return n;
  }

  /** Newest first; `actor` is a username (by its canonical key) or a user id. */
  async search(f: AuditFilter & { actorKey?: string }): Promise<{ items: AuditEventView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.actorKey) add(`u.username_key = ?`, f.actorKey);
    if (f.type?.length) add(`a.type = ANY(?::text[])`, f.type);
    if (f.subject) add(`coalesce(p.subject, a.subject) = ?`, f.subject);
    if (f.from) add(`a.created_at >= ?`, f.from);
    if (f.to) add(`a.created_at < ?`, f.to);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id ${PERSONAL_JOIN} ${clause}`,
      params,
    );
    const rows = await this.db.query(
      `SELECT a.id, a.type, a.created_at, a.actor_user_id, u.username, a.actor_role,
              coalesce(p.subject, CASE WHEN p.erased_at IS NOT NULL AND a.type IN (${PERSONAL_SUBJECT_SQL}) THEN '${ERASED}' END, a.subject) AS subject,
              a.result_count,
              CASE WHEN p.ip IS NULL THEN a.data ELSE a.data || jsonb_build_object('ip', p.ip) END AS data
         FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id ${PERSONAL_JOIN} ${clause}
        ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return {
      total,
      items: rows.map((r: AuditRow) => ({
        id: String(r.id),
        type: r.type,
        at: r.created_at.toISOString(),
        actor: r.actor_user_id ? { id: r.actor_user_id, username: r.username, role: r.actor_role } : null,
        subject: r.subject,
        resultCount: r.result_count,
        data: r.data,
      })),
    };
  }
}
