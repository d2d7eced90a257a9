import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ReportEntity } from '../report-record/report.entity';
import type { SlaKind } from './sla-clock.entity';

/** A warning or breach that fired. The unique key is what makes a stage fire exactly once. */
@Entity('sla_stage_event')
@Unique('uq_sla_stage_event', ['reportId', 'kind', 'stage', 'cycle'])
export class SlaStageEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @ManyToOne(() => ReportEntity)
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'sla_stage_event_report_id_fkey' })
  report?: ReportEntity;

  @Column({ type: 'enum', enum: ['response', 'resolution'], enumName: 'sla_kind' })
  kind: SlaKind;

  @Column({ type: 'integer' })
  cycle: number;

  @Column({ type: 'text' })
  stage: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'fired_at', type: 'timestamptz', default: () => 'now()' })
  firedAt: Date;

  @Column({ name: 'fired_by', type: 'text' })
  firedBy: string;
}
