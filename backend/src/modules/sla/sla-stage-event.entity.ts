import { Column, Entity, Unique } from 'typeorm';
import { BigintPrimaryColumn, ForeignKey, TimestamptzColumn } from '../../engine/database/columns';
import { ReportEntity } from '../report-record/report.entity';
import type { SlaKind } from './sla-clock.entity';

/** A warning or breach that fired. The unique key is what makes a stage fire exactly once. */
@Entity('sla_stage_event')
@Unique('uq_sla_stage_event', ['report', 'kind', 'stage', 'cycle'])
export class SlaStageEventEntity {
  @BigintPrimaryColumn()
  id: string;

  @ForeignKey(() => ReportEntity, 'report_id', 'sla_stage_event_report_id_fkey', { nullable: false })
  report?: ReportEntity;

  @Column({ type: 'enum', enum: ['response', 'resolution'], enumName: 'sla_kind' })
  kind: SlaKind;

  @Column({ type: 'integer' })
  cycle: number;

  @Column({ type: 'text' })
  stage: string;

  @TimestamptzColumn('due_at')
  dueAt: Date;

  @TimestamptzColumn('fired_at', { default: () => 'now()' })
  firedAt: Date;

  @Column({ name: 'fired_by', type: 'text' })
  firedBy: string;
}
