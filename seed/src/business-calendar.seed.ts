import { DEFAULT_WEEKLY_HOURS } from '../../backend/src/modules/sla/calendar/business-calendar';
import { vietnamCalendarDays } from '../../backend/src/modules/sla/calendar/vietnam-holidays';
import { ISO_WEEKDAYS } from '../../backend/src/modules/sla/calendar/zoned-time';
import { countRows, execute, SeedStep } from './seed-step';

/** The years preloaded; later years are entered by admins as the government announces them. */
export const CALENDAR_YEARS = [2025, 2026, 2027];

export const businessCalendarStep: SeedStep = {
  name: 'calendar',
  async run(client) {
    const ranges = ISO_WEEKDAYS.flatMap((weekday) =>
      (DEFAULT_WEEKLY_HOURS[weekday] ?? []).map(([start, end]) => ({ weekday, start, end })),
    );
    // The weekly hours are one setting: written only into an empty table, so a re-run never
    // mixes the defaults into hours an admin has changed.
    const hours = await execute(
      client,
      `INSERT INTO business_hours (weekday, start_minute, end_minute)
       SELECT r.weekday, r.start, r."end" FROM jsonb_to_recordset($1::jsonb) AS r(weekday smallint, start smallint, "end" smallint)
       WHERE NOT EXISTS (SELECT 1 FROM business_hours)`,
      [JSON.stringify(ranges)],
    );
    const days = CALENDAR_YEARS.flatMap((year) => vietnamCalendarDays(year)).map(({ date, kind, name, source }) => ({
      date,
      kind,
      name,
      source,
    }));
    // DO NOTHING keeps an admin's edit of a day; the change log keeps a day an admin deleted deleted.
    const inserted = await execute(
      client,
      `INSERT INTO calendar_day (day, kind, name, source)
       SELECT d.date, d.kind::calendar_day_kind, d.name, d.source
         FROM jsonb_to_recordset($1::jsonb) AS d(date date, kind text, name text, source text)
        WHERE NOT EXISTS (SELECT 1 FROM calendar_change c WHERE c.day = d.date)
       ON CONFLICT (day) DO NOTHING`,
      [JSON.stringify(days)],
    );
    return { hours, days: inserted, total: await countRows(client, 'SELECT count(*) AS n FROM calendar_day') };
  },
};
