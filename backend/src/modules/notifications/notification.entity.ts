import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { BigintPrimaryColumn, CreatedAtColumn, ForeignKey, TimestamptzColumn } from '../../engine/database/columns';
import { ReportEntity } from '../report-record/report.entity';
import { HandlingUnitEntity } from '../units/handling-unit.entity';

/** A message the system sent (or, with the recording driver, would have sent). Deduplicated by key. */
@Entity('notification')
@Unique('uq_notification_dedupe', ['dedupeKey'])
@Index('ix_notification_report', ['report'])
@Index('ix_notification_pending', ['id'], { where: `status = 'recorded'` })
// Made by the privacy-requests migration: lower(recipient) of citizens' messages, to find a data subject's messages.
@Index('ix_notification_citizen_recipient', { synchronize: false })
@Index('ix_notification_sending', ['sendingSince'], { where: `status = 'sending'` })
@Check('ck_notification_status', `status IN ('recorded', 'sending', 'sent', 'failed', 'unconfirmed')`)
export class NotificationEntity {
  @BigintPrimaryColumn()
  id: string;

  @ForeignKey(() => ReportEntity, 'report_id', 'notification_report_id_fkey')
  report?: ReportEntity | null;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text' })
  recipient: string;

  @ForeignKey(() => HandlingUnitEntity, 'unit_id', 'notification_unit_id_fkey')
  unit?: HandlingUnitEntity | null;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ type: 'text', default: 'recorded' })
  status: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @TimestamptzColumn('next_attempt_at', { nullable: true })
  nextAttemptAt: Date | null;

  /** When the current attempt was handed to the driver; set while 'sending' (and kept after). */
  @TimestamptzColumn('sending_since', { nullable: true })
  sendingSince: Date | null;

  @TimestamptzColumn('sent_at', { nullable: true })
  sentAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The provider's message id, or `recording:<id>` when the recording driver "sent" it. */
  @Column({ name: 'provider_id', type: 'text', nullable: true })
  providerId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
