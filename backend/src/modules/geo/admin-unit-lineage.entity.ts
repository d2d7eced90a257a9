import { Column, Entity, Index, Unique } from 'typeorm';
import { BigintPrimaryColumn, ForeignKey } from '../../engine/database/columns';
import { AdminUnitEntity } from './admin-unit.entity';

/** Old-to-new crosswalk of the 1 July 2025 reform: which pre-reform ward went (fully or partly) where. */
@Entity('admin_unit_lineage')
@Unique('uq_admin_unit_lineage', ['oldUnit', 'newUnit'])
@Index('ix_admin_unit_lineage_new', ['newUnit'])
export class AdminUnitLineageEntity {
  @BigintPrimaryColumn()
  id: string;

  @ForeignKey(() => AdminUnitEntity, 'old_unit_id', 'admin_unit_lineage_old_unit_id_fkey', { nullable: false })
  oldUnit?: AdminUnitEntity;

  @ForeignKey(() => AdminUnitEntity, 'new_unit_id', 'admin_unit_lineage_new_unit_id_fkey', { nullable: false })
  newUnit?: AdminUnitEntity;

  @Column({ type: 'enum', enum: ['full', 'partial'], enumName: 'lineage_kind' })
  kind: 'full' | 'partial';

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;
}
