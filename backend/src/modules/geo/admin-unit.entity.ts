import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { BigintPrimaryColumn } from '../../engine/database/columns';
import type { MultiPolygon, Point } from 'geojson';

export type AdminUnitKind = 'phuong' | 'xa' | 'dac_khu' | 'thi_tran';

/** One version of a commune-level unit; a boundary change closes a version, never edits it. */
@Entity('admin_unit')
@Unique('uq_admin_unit_code_version', ['code', 'validFrom'])
@Check('ck_admin_unit_validity', 'valid_to IS NULL OR valid_to > valid_from')
@Index('ix_admin_unit_current', ['code'], { where: 'valid_to IS NULL' })
@Index('ix_admin_unit_search', { synchronize: false })
export class AdminUnitEntity {
  @BigintPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 5 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'short_name', type: 'text' })
  shortName: string;

  @Column({ type: 'enum', enum: ['phuong', 'xa', 'dac_khu', 'thi_tran'], enumName: 'admin_unit_kind' })
  kind: AdminUnitKind;

  @Column({ name: 'province_code', type: 'varchar', length: 2 })
  provinceCode: string;

  @Column({ name: 'district_name', type: 'text', nullable: true })
  districtName: string | null;

  @Index('ix_admin_unit_geom', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326, nullable: true })
  geom: MultiPolygon | null;

  @Column({ name: 'label_point', type: 'geometry', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  labelPoint: Point | null;

  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Column({ name: 'area_km2', type: 'numeric', precision: 10, scale: 2, nullable: true })
  areaKm2: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text' })
  source: string;
}
