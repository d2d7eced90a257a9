import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AdminUnitEntity } from './admin-unit.entity';

/** Old-to-new crosswalk of the 1 July 2025 reform: which pre-reform ward went (fully or partly) where. */
@Entity('admin_unit_lineage')
@Unique('uq_admin_unit_lineage', ['oldUnitId', 'newUnitId'])
@Index('ix_admin_unit_lineage_new', ['newUnitId'])
export class AdminUnitLineageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'old_unit_id', type: 'bigint' })
  oldUnitId: string;

  @ManyToOne(() => AdminUnitEntity)
  @JoinColumn({ name: 'old_unit_id', foreignKeyConstraintName: 'admin_unit_lineage_old_unit_id_fkey' })
  oldUnit?: AdminUnitEntity;

  @Column({ name: 'new_unit_id', type: 'bigint' })
  newUnitId: string;

  @ManyToOne(() => AdminUnitEntity)
  @JoinColumn({ name: 'new_unit_id', foreignKeyConstraintName: 'admin_unit_lineage_new_unit_id_fkey' })
  newUnit?: AdminUnitEntity;

  @Column({ type: 'enum', enum: ['full', 'partial'], enumName: 'lineage_kind' })
  kind: 'full' | 'partial';

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;
}
