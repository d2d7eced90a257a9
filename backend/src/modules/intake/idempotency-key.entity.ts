import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, ForeignKey } from '../../engine/database/columns';
import { ReportEntity } from '../report-record/report.entity';

/** The first answer to a submission, replayed to every retry carrying the same key. */
@Entity('idempotency_key')
@Index('ix_idempotency_key_created', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_key' })
  scope: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_key' })
  key: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @ForeignKey(() => ReportEntity, 'report_id', 'idempotency_key_report_id_fkey', { nullable: false })
  report?: ReportEntity;

  @Column({ type: 'jsonb' })
  response: Record<string, unknown>;

  @CreatedAtColumn()
  createdAt: Date;
}
