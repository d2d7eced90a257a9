import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, ForeignKey, TimestamptzColumn } from '../../engine/database/columns';
import { CategoryEntity } from '../categories/category.entity';
import { HandlingUnitEntity } from '../units/handling-unit.entity';

/**
 * An effective-dated override: reports of this category (in this ward, or anywhere when the
 * ward is null) go to this unit. Closing a rule sets valid_to; rules are never rewritten.
 */
@Entity('routing_rule')
@Check('ck_routing_rule_validity', 'valid_to IS NULL OR valid_to > valid_from')
@Index('ix_routing_rule_lookup', ['category', 'adminUnitCode'])
export class RoutingRuleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @ForeignKey(() => CategoryEntity, 'category_id', 'routing_rule_category_id_fkey', { nullable: false })
  category?: CategoryEntity;

  @Column({ name: 'admin_unit_code', type: 'varchar', length: 5, nullable: true })
  adminUnitCode: string | null;

  @ForeignKey(() => HandlingUnitEntity, 'handling_unit_id', 'routing_rule_handling_unit_id_fkey', { nullable: false })
  handlingUnit?: HandlingUnitEntity;

  @TimestamptzColumn('valid_from', { default: () => 'now()' })
  validFrom: Date;

  @TimestamptzColumn('valid_to', { nullable: true })
  validTo: Date | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
