import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ReportEntity } from '../report-record/report.entity';
import { HandlingUnitEntity } from '../units/handling-unit.entity';

/** A message the system sent (or, with the recording driver, would have sent). Deduplicated by key. */
@Entity('notification')
@Unique('uq_notification_dedupe', ['dedupeKey'])
@Index('ix_notification_report', ['reportId'])
@Index('ix_notification_pending', ['id'], { where: `status = 'recorded'` })
@Check('ck_notification_status', `status IN ('recorded', 'sent', 'failed')`)
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId: string | null;

  @ManyToOne(() => ReportEntity)
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'notification_report_id_fkey' })
  report?: ReportEntity | null;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => HandlingUnitEntity)
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'notification_unit_id_fkey' })
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

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The provider's message id, or `recording:<id>` when the recording driver "sent" it. */
  @Column({ name: 'provider_id', type: 'text', nullable: true })
  providerId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
