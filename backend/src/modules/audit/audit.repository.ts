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

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** INSERT only: the table refuses every other write (triggers and the role's grants). In `tx` when the change it records is in one. */
  async append(e: NewAuditEvent, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db).query(
      `INSERT INTO audit_event (type, actor_user_id, actor_role, subject, result_count, data) VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.type, e.actorUserId, e.actorRole, e.subject, e.resultCount, e.data],
    );
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
    if (f.subject) add(`a.subject = ?`, f.subject);
    if (f.from) add(`a.created_at >= ?`, f.from);
    if (f.to) add(`a.created_at < ?`, f.to);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id ${clause}`,
      params,
    );
    const rows = await this.db.query(
      `SELECT a.id, a.type, a.created_at, a.actor_user_id, u.username, a.actor_role, a.subject, a.result_count, a.data
         FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id ${clause}
        ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return {
      total,
      items: rows.map((r: any) => ({
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
