import { Column, Entity, Index } from 'typeorm';
import { BigintPrimaryColumn, CreatedAtColumn, ForeignKey } from '../../engine/database/columns';
import { AppUserEntity } from '../users/app-user.entity';
import { HandlingUnitEntity } from '../units/handling-unit.entity';
import { ReportEntity } from './report.entity';
import { REPORT_STATUSES, ReportStatus } from './report-status';

/**
 * One line of a ticket's timeline. Append-only: the database refuses UPDATE, DELETE and TRUNCATE.
 * Its free text (message, a rating's comment, a reason) is in `report_event_personal`, which only
 * the erasure function may redact (migrations/1765152000000-report-event-personal.ts).
 */
@Entity('report_event')
@Index('ix_report_event_report', ['report', 'id'])
// Partial index over the rating events, made by the insight-indexes migration.
@Index('ix_report_event_rating', { synchronize: false })
export class ReportEventEntity {
  @BigintPrimaryColumn()
  id: string;

  @ForeignKey(() => ReportEntity, 'report_id', 'report_event_report_id_fkey', { nullable: false })
  report?: ReportEntity;

  @Column({ type: 'text' })
  type: string;

  @ForeignKey(() => AppUserEntity, 'actor_user_id', 'report_event_actor_user_id_fkey')
  actorUser?: AppUserEntity | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ name: 'from_status', type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', nullable: true })
  fromStatus: ReportStatus | null;

  @Column({ name: 'to_status', type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', nullable: true })
  toStatus: ReportStatus | null;

  @ForeignKey(() => HandlingUnitEntity, 'from_unit_id', 'report_event_from_unit_id_fkey')
  fromUnit?: HandlingUnitEntity | null;

  @ForeignKey(() => HandlingUnitEntity, 'to_unit_id', 'report_event_to_unit_id_fkey')
  toUnit?: HandlingUnitEntity | null;

  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreatedAtColumn()
  createdAt: Date;
}
