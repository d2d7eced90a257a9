import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { CreatedAtColumn, ForeignKey, UuidPrimaryColumn } from '../../engine/database/columns';

export type HandlingUnitKind = 'ward_committee' | 'department' | 'utility' | 'city';

/** Who handles tickets: a ward's People's Committee, a city department (Sở), a utility, or the city. */
@Entity('handling_unit')
@Unique('uq_handling_unit_code', ['code'])
@Check('ck_handling_unit_ward', "(kind = 'ward_committee') = (admin_unit_code IS NOT NULL)")
@Index('uq_handling_unit_ward', ['adminUnitCode'], { unique: true, where: "kind = 'ward_committee' AND active" })
export class HandlingUnitEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'enum', enum: ['ward_committee', 'department', 'utility', 'city'], enumName: 'handling_unit_kind' })
  kind: HandlingUnitKind;

  @Column({ name: 'admin_unit_code', type: 'varchar', length: 5, nullable: true })
  adminUnitCode: string | null;

  @ForeignKey(() => HandlingUnitEntity, 'parent_id', 'handling_unit_parent_id_fkey')
  parent?: HandlingUnitEntity;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreatedAtColumn()
  createdAt: Date;
}
