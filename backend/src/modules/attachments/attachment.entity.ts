import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReportEntity } from '../report-record/report.entity';
import { ReportEventEntity } from '../report-record/report-event.entity';

/** A photo of a report (the citizen's) or of its resolution (the unit's), stored behind the storage port. */
@Entity('attachment')
@Index('ix_attachment_report', ['reportId'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @ManyToOne(() => ReportEntity)
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'attachment_report_id_fkey' })
  report?: ReportEntity;

  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId: string | null;

  @ManyToOne(() => ReportEventEntity)
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'attachment_event_id_fkey' })
  event?: ReportEventEntity | null;

  @Column({ type: 'enum', enum: ['citizen', 'resolution'], enumName: 'attachment_kind' })
  kind: 'citizen' | 'resolution';

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
