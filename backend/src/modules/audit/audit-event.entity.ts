import { Check, Column, Entity, Index } from 'typeorm';
import { BigintPrimaryColumn, CreatedAtColumn, ForeignKey } from '../../engine/database/columns';
import { AppUserEntity } from '../users/app-user.entity';
import { sqlList } from '../../engine/database/sql-list';

export const AUDIT_EVENT_TYPES = [
  'caller_history_searched',
  'sign_in_succeeded',
  'sign_in_failed',
  'sign_in_throttled',
  'user_created',
  'user_updated',
  'user_disabled',
  'user_enabled',
  'password_reset',
  'password_changed',
  'second_factor_enrolled',
  'second_factor_reset',
  'users_imported',
  'routing_rule_created',
  'routing_rule_closed',
  'sla_policy_created',
  'calendar_changed',
  'audit_read',
  'retention_applied',
  'personal_data_erased',
  'privacy_access_granted',
  'privacy_data_exported',
  'privacy_request_received',
  'privacy_request_completed',
  'privacy_request_rejected',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/**
 * An audit event tied to no single ticket (a ticket's own events are its timeline, report_event).
 * Append-only: the database refuses UPDATE, DELETE and TRUNCATE, and the application role may
 * only SELECT and INSERT.
 */
@Entity('audit_event')
@Index('ix_audit_event_subject', ['subject', 'createdAt'])
@Index('ix_audit_event_actor', ['actorUser', 'createdAt'])
@Index('ix_audit_event_type', ['type', 'createdAt'])
@Index('ix_audit_event_created', ['createdAt'])
@Check('ck_audit_event_type', `type IN ${sqlList(AUDIT_EVENT_TYPES)}`)
@Check('ck_audit_event_result_count', `result_count >= 0`)
export class AuditEventEntity {
  @BigintPrimaryColumn()
  id: string;

  @Column({ type: 'text' })
  type: AuditEventType;

  @ForeignKey(() => AppUserEntity, 'actor_user_id', 'audit_event_actor_user_id_fkey')
  actorUser?: AppUserEntity | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  /**
   * What the event is about: for a caller-history search the normalised phone number, for an
   * account `user:<id>`, for a sign-in the username key tried, for configuration `<kind>:<id>`.
   */
  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'result_count', type: 'integer', nullable: true })
  resultCount: number | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreatedAtColumn()
  createdAt: Date;
}
