import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendar, CalendarDay, CalendarDayKind, HCMC_TIME_ZONE, MinuteRange } from './business-calendar';
import type { CalendarChangeAction } from './calendar-change.entity';
import type { IsoWeekday } from './zoned-time';

export interface HoursRow {
  weekday: number;
  startMinute: number;
  endMinute: number;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface DayRow {
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: string;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface Change {
  by: string | null;
  at: Date;
}

/** What an admin edit writes into calendar_day.source. */
export const ADMIN_SOURCE = 'admin';

// `date` is read as text: node-postgres would turn it into a JS Date at the server's local
// midnight, which is the wrong day anywhere west of UTC+7.
const DAY_COLUMNS = `to_char(day, 'YYYY-MM-DD') AS date, kind, name, source, updated_at AS "updatedAt", updated_by AS "updatedBy"`;
const HOURS_COLUMNS = `weekday, start_minute AS "startMinute", end_minute AS "endMinute", updated_at AS "updatedAt", updated_by AS "updatedBy"`;

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The whole calendar as the pure BusinessCalendar (a few dozen days a year: loaded at once). */
  async load(): Promise<BusinessCalendar> {
    const [hours, days] = await Promise.all([this.hours(), this.db.query<DayRow[]>(`SELECT ${DAY_COLUMNS} FROM calendar_day`)]);
    return toCalendar(hours, days);
  }

  hours(): Promise<HoursRow[]> {
    return this.db.query(`SELECT ${HOURS_COLUMNS} FROM business_hours ORDER BY weekday, start_minute`);
  }

  /** Entries from `from` to `to`, both included. */
  days(from: string, to: string): Promise<DayRow[]> {
    return this.db.query(`SELECT ${DAY_COLUMNS} FROM calendar_day WHERE day BETWEEN $1::date AND $2::date ORDER BY day`, [from, to]);
  }

  async putDay(date: string, day: CalendarDay, change: Change): Promise<DayRow> {
    return this.db.transaction(async (m) => {
      const [before] = await m.query(`SELECT ${DAY_COLUMNS} FROM calendar_day WHERE day = $1::date FOR UPDATE`, [date]);
      const [after]: DayRow[] = await m.query(
        `INSERT INTO calendar_day (day, kind, name, source, updated_at, updated_by)
         VALUES ($1::date, $2::calendar_day_kind, $3, $4, $5, $6)
         ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, source = EXCLUDED.source,
                                         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
         RETURNING ${DAY_COLUMNS}`,
        [date, day.kind, day.name, ADMIN_SOURCE, change.at, change.by],
      );
      await logChange(m, 'put_day', date, before ?? null, after, change);
      return after;
    });
  }

  /** Removes the entry and logs it; null (and no log) when there was none. */
  async deleteDay(date: string, change: Change): Promise<DayRow | null> {
    return this.db.transaction(async (m) => {
      // Through a CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count].
      const [before]: DayRow[] = await m.query(
        `WITH gone AS (DELETE FROM calendar_day WHERE day = $1::date RETURNING *) SELECT ${DAY_COLUMNS} FROM gone`,
        [date],
      );
      if (!before) return null;
      await logChange(m, 'delete_day', date, before, null, change);
      return before;
    });
  }

  /** Replaces the weekly hours as a whole (the caller has validated them). */
  async replaceHours(ranges: readonly { weekday: number; startMinute: number; endMinute: number }[], change: Change): Promise<HoursRow[]> {
    return this.db.transaction(async (m) => {
      // Two admins saving at once: the second waits and replaces the first's ranges whole.
      await m.query('LOCK TABLE business_hours IN SHARE ROW EXCLUSIVE MODE');
      const before: HoursRow[] = await m.query(`SELECT ${HOURS_COLUMNS} FROM business_hours ORDER BY weekday, start_minute`);
      await m.query('DELETE FROM business_hours');
      const after: HoursRow[] = await m.query(
        `INSERT INTO business_hours (weekday, start_minute, end_minute, updated_at, updated_by)
         SELECT r.weekday, r.start_minute, r.end_minute, $2, $3
           FROM jsonb_to_recordset($1::jsonb) AS r(weekday smallint, start_minute smallint, end_minute smallint)
         RETURNING ${HOURS_COLUMNS}`,
        [
          JSON.stringify(ranges.map((r) => ({ weekday: r.weekday, start_minute: r.startMinute, end_minute: r.endMinute }))),
          change.at,
          change.by,
        ],
      );
      after.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
      await logChange(m, 'put_hours', null, before.map(rangeOf), after.map(rangeOf), change);
      return after;
    });
  }
}

function rangeOf(r: HoursRow): { weekday: number; startMinute: number; endMinute: number } {
  return { weekday: r.weekday, startMinute: r.startMinute, endMinute: r.endMinute };
}

async function logChange(
  m: EntityManager,
  action: CalendarChangeAction,
  day: string | null,
  before: unknown,
  after: unknown,
  change: Change,
): Promise<void> {
  await m.query(
    `INSERT INTO calendar_change (action, day, before, after, changed_at, changed_by) VALUES ($1, $2::date, $3::jsonb, $4::jsonb, $5, $6)`,
    [action, day, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after), change.at, change.by],
  );
}

export function toCalendar(
  hours: readonly Pick<HoursRow, 'weekday' | 'startMinute' | 'endMinute'>[],
  days: readonly Pick<DayRow, 'date' | 'kind' | 'name'>[],
): BusinessCalendar {
  const weekly: Partial<Record<IsoWeekday, MinuteRange[]>> = {};
  for (const h of hours) (weekly[h.weekday as IsoWeekday] ??= []).push([h.startMinute, h.endMinute]);
  return new BusinessCalendar({
    timeZone: HCMC_TIME_ZONE,
    weeklyHours: weekly,
    days: new Map(days.map((d) => [d.date, { kind: d.kind, name: d.name }])),
  });
}
