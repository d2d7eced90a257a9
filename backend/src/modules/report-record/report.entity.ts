import { Column, Entity, Index, Unique, VersionColumn } from 'typeorm';
import { CreatedAtColumn, ForeignKey, TimestamptzColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../../engine/database/columns';
import type { Point } from 'geojson';
import { CategoryEntity, PRIORITIES, Priority } from '../categories/category.entity';
import { AdminUnitEntity } from '../geo/admin-unit.entity';
import { HandlingUnitEntity } from '../units/handling-unit.entity';
import { REPORT_STATUSES, ReportStatus, TERMINAL_STATUS_SQL } from './report-status';

export type ReportChannel = 'web' | 'app' | 'phone' | 'open311' | 'import';
export const REPORT_CHANNELS: ReportChannel[] = ['web', 'app', 'phone', 'open311', 'import'];

@Entity('report')
@Unique('uq_report_code', ['code'])
@Index('ix_report_unit_status', ['assignedUnit', 'status'])
@Index('ix_report_created_at', ['createdAt'])
@Index('ix_report_ward', ['wardCode', 'createdAt'])
@Index('ix_report_category', ['category', 'createdAt'])
@Index('ix_report_reporter_phone', ['reporterPhone'], { where: 'reporter_phone IS NOT NULL' })
// Expression index (attributes ->> 'external_id') WHERE channel = 'import', made by the import migration.
@Index('ux_report_import_external_id', { synchronize: false })
@Index('ix_report_unit_due', ['assignedUnit', 'resolutionDueAt'], { where: `status NOT IN ${TERMINAL_STATUS_SQL}` })
// Made by the insight-indexes migration: GiST over (point_3857, resolved_at) for recurring places, and resolved_at for the on-time figures.
@Index('ix_report_done_point', { synchronize: false })
@Index('ix_report_resolved_at', { synchronize: false })
// Made by the privacy-requests migration: lower(reporter_email), to find a data subject's reports.
@Index('ix_report_reporter_email_lower', { synchronize: false })
export class ReportEntity {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'enum', enum: REPORT_CHANNELS, enumName: 'report_channel' })
  channel: ReportChannel;

  @ForeignKey(() => CategoryEntity, 'category_id', 'report_category_id_fkey', { nullable: false })
  category?: CategoryEntity;

  @Column({ type: 'text' })
  description: string;

  @Index('ix_report_point', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326 })
  point: Point;

  /** Kept equal to ST_Transform(point, 3857) by a trigger; read-only here. */
  @Index('ix_report_point_3857', { spatial: true })
  @Column({ name: 'point_3857', type: 'geometry', spatialFeatureType: 'Point', srid: 3857, select: false, insert: false, update: false })
  point3857: Point;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @ForeignKey(() => AdminUnitEntity, 'admin_unit_id', 'report_admin_unit_id_fkey', { nullable: false })
  adminUnit?: AdminUnitEntity;

  @Column({ name: 'ward_code', type: 'varchar', length: 5 })
  wardCode: string;

  @ForeignKey(() => HandlingUnitEntity, 'assigned_unit_id', 'report_assigned_unit_id_fkey')
  assignedUnit?: HandlingUnitEntity | null;

  @Column({ type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', default: 'new' })
  status: ReportStatus;

  @Column({ type: 'enum', enum: PRIORITIES, enumName: 'priority', default: 'normal' })
  priority: Priority;

  @Column({ name: 'reporter_name', type: 'text', nullable: true })
  reporterName: string | null;

  @Column({ name: 'reporter_phone', type: 'text', nullable: true })
  reporterPhone: string | null;

  @Column({ name: 'reporter_email', type: 'text', nullable: true })
  reporterEmail: string | null;

  @Column({ name: 'hide_identity', type: 'boolean', default: false })
  hideIdentity: boolean;

  /** Answers to the category's Open311 attributes, keyed by attribute code. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, unknown>;

  @ForeignKey(() => ReportEntity, 'master_report_id', 'report_master_report_id_fkey')
  masterReport?: ReportEntity | null;

  @Column({ name: 'follower_count', type: 'integer', default: 0 })
  followerCount: number;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @TimestamptzColumn('acknowledged_at', { nullable: true })
  acknowledgedAt: Date | null;

  @TimestamptzColumn('resolved_at', { nullable: true })
  resolvedAt: Date | null;

  @TimestamptzColumn('closed_at', { nullable: true })
  closedAt: Date | null;

  /** Deadlines of the current SLA cycle, kept from the clocks so unit queues can sort by them. */
  @TimestamptzColumn('response_due_at', { nullable: true })
  responseDueAt: Date | null;

  @TimestamptzColumn('resolution_due_at', { nullable: true })
  resolutionDueAt: Date | null;

  /** Set when the resolution clock stops: the city's on-time figure counts these. */
  @Column({ name: 'resolved_on_time', type: 'boolean', nullable: true })
  resolvedOnTime: boolean | null;
}
