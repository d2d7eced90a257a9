import { Column, Entity, Index } from 'typeorm';
import { ForeignKey } from '../../engine/database/columns';
import { ReportEntity } from '../report-record/report.entity';
import { ReportEventEntity } from '../report-record/report-event.entity';
import { StoredPhoto } from './upload.entity';

/** A photo of a report (the citizen's) or of its resolution (the unit's), stored behind the storage port. */
@Entity('attachment')
@Index('ix_attachment_report', ['report'])
export class AttachmentEntity extends StoredPhoto {
  @ForeignKey(() => ReportEntity, 'report_id', 'attachment_report_id_fkey', { nullable: false })
  report?: ReportEntity;

  @ForeignKey(() => ReportEventEntity, 'event_id', 'attachment_event_id_fkey')
  event?: ReportEventEntity | null;

  @Column({ type: 'enum', enum: ['citizen', 'resolution'], enumName: 'attachment_kind' })
  kind: 'citizen' | 'resolution';
}
