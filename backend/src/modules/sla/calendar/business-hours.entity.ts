import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { ForeignKey, TimestamptzColumn } from '../../../engine/database/columns';
import { AppUserEntity } from '../../users/app-user.entity';

/** One working range of a weekday: [start_minute, end_minute) in Asia/Ho_Chi_Minh wall time. */
@Entity('business_hours')
@Check('ck_business_hours_weekday', 'weekday BETWEEN 1 AND 7')
@Check('ck_business_hours_range', 'start_minute >= 0 AND start_minute < end_minute AND end_minute <= 1440')
export class BusinessHoursEntity {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_business_hours' })
  weekday: number;

  @PrimaryColumn({ name: 'start_minute', type: 'smallint', primaryKeyConstraintName: 'pk_business_hours' })
  startMinute: number;

  @Column({ name: 'end_minute', type: 'smallint' })
  endMinute: number;

  @TimestamptzColumn('updated_at', { default: () => 'now()' })
  updatedAt: Date;

  @ForeignKey(() => AppUserEntity, 'updated_by', 'business_hours_updated_by_fkey')
  updater?: AppUserEntity | null;
}
