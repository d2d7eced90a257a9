import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, ForeignKey, TimestamptzColumn } from '../../engine/database/columns';
import { CategoryEntity, PRIORITIES, Priority } from '../categories/category.entity';
import { AppUserEntity } from '../users/app-user.entity';

export type SlaMode = 'business' | 'calendar';

/** Targets for a category × priority (category null: the default for that priority). Effective-dated. */
@Entity('sla_policy')
@Check('ck_sla_policy_validity', 'valid_to IS NULL OR valid_to > valid_from')
@Check('ck_sla_policy_response', 'response_minutes > 0')
@Check('ck_sla_policy_resolution', 'resolution_minutes > 0')
@Index('ix_sla_policy_lookup', ['category', 'priority'])
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @ForeignKey(() => CategoryEntity, 'category_id', 'sla_policy_category_id_fkey')
  category?: CategoryEntity | null;

  @Column({ type: 'enum', enum: PRIORITIES, enumName: 'priority' })
  priority: Priority;

  @Column({ name: 'response_minutes', type: 'integer' })
  responseMinutes: number;

  @Column({ name: 'resolution_minutes', type: 'integer' })
  resolutionMinutes: number;

  @Column({ type: 'enum', enum: ['business', 'calendar'], enumName: 'sla_mode', default: 'business' })
  mode: SlaMode;

  @TimestamptzColumn('valid_from', { default: () => 'now()' })
  validFrom: Date;

  @TimestamptzColumn('valid_to', { nullable: true })
  validTo: Date | null;

  @ForeignKey(() => AppUserEntity, 'created_by', 'sla_policy_created_by_fkey')
  creator?: AppUserEntity | null;

  @CreatedAtColumn()
  createdAt: Date;
}
