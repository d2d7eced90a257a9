import { Column, Entity, Index } from 'typeorm';
import { BigintPrimaryColumn, ForeignKey, TimestamptzColumn } from '../../../engine/database/columns';
import { AppUserEntity } from '../../users/app-user.entity';

export type CalendarChangeAction = 'put_day' | 'delete_day' | 'put_hours';

/**
 * Every admin change to the calendar, before and after (append-only). A deleted day leaves no
 * row in calendar_day, so this is where "who removed it, when" is kept — and what tells the
 * seed not to bring back a day an admin removed.
 */
@Entity('calendar_change')
@Index('ix_calendar_change_day', ['day'])
export class CalendarChangeEntity {
  @BigintPrimaryColumn()
  id: string;

  @Column({ type: 'text' })
  action: CalendarChangeAction;

  /** The day changed (null for the weekly hours). */
  @Column({ type: 'date', nullable: true })
  day: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @TimestamptzColumn('changed_at', { default: () => 'now()' })
  changedAt: Date;

  @ForeignKey(() => AppUserEntity, 'changed_by', 'calendar_change_changed_by_fkey')
  changer?: AppUserEntity | null;
}
