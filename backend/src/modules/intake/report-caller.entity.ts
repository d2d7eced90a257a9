import { Column, Entity, Index } from 'typeorm';
import { BigintPrimaryColumn, CreatedAtColumn, ForeignKey } from '../../engine/database/columns';
import { ReportEntity } from '../report-record/report.entity';
import { AppUserEntity } from '../users/app-user.entity';

/** A phone call the call centre attached to an existing ticket instead of opening a new one. */
@Entity('report_caller')
@Index('ix_report_caller_phone', ['phone', 'createdAt'])
@Index('ix_report_caller_report', ['report'])
export class ReportCallerEntity {
  @BigintPrimaryColumn()
  id: string;

  @ForeignKey(() => ReportEntity, 'report_id', 'report_caller_report_id_fkey', { nullable: false })
  report?: ReportEntity;

  @Column({ type: 'text' })
  phone: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @ForeignKey(() => AppUserEntity, 'operator_id', 'report_caller_operator_id_fkey')
  operator?: AppUserEntity | null;

  @CreatedAtColumn()
  createdAt: Date;
}
