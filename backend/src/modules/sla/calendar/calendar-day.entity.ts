import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ForeignKey, TimestamptzColumn } from '../../../engine/database/columns';
import { AppUserEntity } from '../../users/app-user.entity';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from './business-calendar';

/** A local date that departs from the weekly hours: a holiday, a compensatory day off, or a swapped working day. */
@Entity('calendar_day')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_calendar_day' })
  day: string;

  @Column({ type: 'enum', enum: CALENDAR_DAY_KINDS, enumName: 'calendar_day_kind' })
  kind: CalendarDayKind;

  @Column({ type: 'text' })
  name: string;

  /** The law or announcement behind the day, or 'admin' once an admin has edited it. */
  @Column({ type: 'text' })
  source: string;

  @TimestamptzColumn('updated_at', { default: () => 'now()' })
  updatedAt: Date;

  @ForeignKey(() => AppUserEntity, 'updated_by', 'calendar_day_updated_by_fkey')
  updater?: AppUserEntity | null;
}
