import { Column, Entity, Index, Unique } from 'typeorm';
import { BigintPrimaryColumn, ForeignKey } from '../../engine/database/columns';
import { AdminUnitEntity } from './admin-unit.entity';

/** Old-to-new crosswalk of the 1 July 2025 reform: which pre-reform ward went (fully or partly) where. */
@Entity('admin_unit_lineage')
@Unique('uq_admin_unit_lineage', ['oldUnitId', 'newUnitId'])
@Index('ix_admin_unit_lineage_new', ['newUnitId'])
export class AdminUnitLineageEntity {
  @BigintPrimaryColumn()
  id: string;

  @Column({ name: 'old_unit_id', type: 'bigint' })
  oldUnitId: string;

  @ForeignKey(() => AdminUnitEntity, 'old_unit_id', 'admin_unit_lineage_old_unit_id_fkey')
  oldUnit?: AdminUnitEntity;

  @Column({ name: 'new_unit_id', type: 'bigint' })
  newUnitId: string;

  @ForeignKey(() => AdminUnitEntity, 'new_unit_id', 'admin_unit_lineage_new_unit_id_fkey')
  newUnit?: AdminUnitEntity;

  @Column({ type: 'enum', enum: ['full', 'partial'], enumName: 'lineage_kind' })
  kind: 'full' | 'partial';

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;
}
