import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEventType } from './audit-event.entity';

export interface NewAuditEvent {
  type: AuditEventType;
  actorUserId: string | null;
  actorRole: string | null;
  subject: string;
  resultCount: number | null;
  data: Record<string, unknown>;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** INSERT only: the table refuses every other write (triggers and the role's grants). */
  async append(e: NewAuditEvent): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_event (type, actor_user_id, actor_role, subject, result_count, data) VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.type, e.actorUserId, e.actorRole, e.subject, e.resultCount, e.data],
    );
  }
}
