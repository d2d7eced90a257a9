import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, ForeignKey, UuidPrimaryColumn } from '../../engine/database/columns';
import { ReportEntity } from '../report-record/report.entity';
import { ReportEventEntity } from '../report-record/report-event.entity';

/** A photo of a report (the citizen's) or of its resolution (the unit's), stored behind the storage port. */
@Entity('attachment')
@Index('ix_attachment_report', ['report'])
export class AttachmentEntity {
  @UuidPrimaryColumn()
  id: string;

  @ForeignKey(() => ReportEntity, 'report_id', 'attachment_report_id_fkey', { nullable: false })
  report?: ReportEntity;

  @ForeignKey(() => ReportEventEntity, 'event_id', 'attachment_event_id_fkey')
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

  @CreatedAtColumn()
  createdAt: Date;
}
