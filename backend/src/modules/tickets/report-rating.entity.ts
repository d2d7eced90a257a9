import { Check, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, ForeignKey } from '../../engine/database/columns';
import { ReportEventEntity } from '../report-record/report-event.entity';
import { ReportEntity } from '../report-record/report.entity';

/**
 * One rating per ticket cycle, as a key: a second rating of the same cycle is a unique violation
 * whatever the timing. The rating itself is the 'rated' timeline event this row points to.
 */
@Entity('report_rating')
@Check('ck_report_rating_cycle', 'cycle >= 1')
export class ReportRatingEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid', primaryKeyConstraintName: 'pk_report_rating' })
  reportId: string;

  @ForeignKey(() => ReportEntity, 'report_id', 'report_rating_report_id_fkey', { onDelete: 'CASCADE' })
  report?: ReportEntity;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_report_rating' })
  cycle: number;

  @ForeignKey(() => ReportEventEntity, 'event_id', 'report_rating_event_id_fkey', { nullable: false })
  event?: ReportEventEntity;

  @CreatedAtColumn()
  createdAt: Date;
}
