import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ReportEntity } from '../reports/report.entity';
import { HandlingUnitEntity } from '../units/handling-unit.entity';

/** A message the system sent (or, with the recording driver, would have sent). Deduplicated by key. */
@Entity('notification')
@Unique('uq_notification_dedupe', ['dedupeKey'])
@Index('ix_notification_report', ['reportId'])
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
