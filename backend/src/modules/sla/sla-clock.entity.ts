import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { BigintPrimaryColumn, ForeignKey, TimestamptzColumn, UpdatedAtColumn } from '../../engine/database/columns';
import { ReportEntity } from '../report-record/report.entity';
import { SlaMode, SlaPolicyEntity } from './sla-policy.entity';

export type SlaKind = 'response' | 'resolution';
export interface StoredTransition {
  type: 'start' | 'pause' | 'resume' | 'stop' | 'reset';
  at: string;
}

/**
 * One SLA clock of a ticket. The transitions are the truth; state, due and next stage are
 * derived from them (and the calendar) on every change, so they can always be recomputed.
 */
@Entity('sla_clock')
@Unique('uq_sla_clock', ['report', 'kind', 'cycle'])
@Check('ck_sla_clock_state', "state IN ('running', 'paused', 'stopped')")
@Index('ix_sla_clock_next_stage', ['nextStageAt'], { where: "state = 'running' AND next_stage_at IS NOT NULL" })
export class SlaClockEntity {
  @BigintPrimaryColumn()
  id: string;

  @ForeignKey(() => ReportEntity, 'report_id', 'sla_clock_report_id_fkey', { nullable: false })
  report?: ReportEntity;

  @Column({ type: 'enum', enum: ['response', 'resolution'], enumName: 'sla_kind' })
  kind: SlaKind;

  @Column({ type: 'integer', default: 1 })
  cycle: number;

  @ForeignKey(() => SlaPolicyEntity, 'policy_id', 'sla_clock_policy_id_fkey')
  policy?: SlaPolicyEntity | null;

  @Column({ type: 'enum', enum: ['business', 'calendar'], enumName: 'sla_mode' })
  mode: SlaMode;

  @Column({ name: 'target_ms', type: 'bigint' })
  targetMs: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  transitions: StoredTransition[];

  @Column({ type: 'text' })
  state: 'running' | 'paused' | 'stopped';

  @TimestamptzColumn('due_at', { nullable: true })
  dueAt: Date | null;

  @Column({ name: 'next_stage', type: 'text', nullable: true })
  nextStage: string | null;

  @TimestamptzColumn('next_stage_at', { nullable: true })
  nextStageAt: Date | null;

  @Column({ type: 'boolean', nullable: true })
  met: boolean | null;

  @UpdatedAtColumn()
  updatedAt: Date;
}
