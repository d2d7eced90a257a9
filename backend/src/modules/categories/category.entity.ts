import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ForeignKey } from '../../engine/database/columns';
import { HandlingUnitEntity } from '../units/handling-unit.entity';
import type { CategoryAttribute } from './categories.dto';

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
export type HandlingLevel = 'ward' | 'department';

export type { CategoryAttribute } from './categories.dto';

/** A kind of problem citizens report; its code is the Open311 service_code. */
@Entity('category')
@Unique('uq_category_code', ['code'])
@Check('ck_category_department', "handling_level = 'ward' OR default_unit_id IS NOT NULL")
export class CategoryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'name_vi', type: 'text' })
  nameVi: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'group_code', type: 'text' })
  groupCode: string;

  @Column({ name: 'group_vi', type: 'text' })
  groupVi: string;

  @Column({ name: 'group_en', type: 'text' })
  groupEn: string;

  @Column({ name: 'hint_vi', type: 'text', default: '' })
  hintVi: string;

  @Column({ name: 'hint_en', type: 'text', default: '' })
  hintEn: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  @Column({ name: 'default_priority', type: 'enum', enum: PRIORITIES, enumName: 'priority', default: 'normal' })
  defaultPriority: Priority;

  @Column({ name: 'handling_level', type: 'enum', enum: ['ward', 'department'], enumName: 'handling_level' })
  handlingLevel: HandlingLevel;

  @ForeignKey(() => HandlingUnitEntity, 'default_unit_id', 'category_default_unit_id_fkey')
  defaultUnit?: HandlingUnitEntity;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attributes: CategoryAttribute[];

  @Column({ name: 'is_public', type: 'boolean', default: true })
  isPublic: boolean;

  /** A public-place problem: its point may be shown unsnapped, unless the reporter hid their identity. */
  @Column({ name: 'exact_public_point', type: 'boolean', default: false })
  exactPublicPoint: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;
}
