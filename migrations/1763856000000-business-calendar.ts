import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The business calendar SLAs run on: weekly working ranges, the dates that depart from them
 * (holidays, compensatory days off, swapped working Saturdays), and the log of admin changes
 * (a deleted day must stay deleted when the seed runs again). Seeded by business-calendar.seed.
 */
export class BusinessCalendar1763856000000 implements MigrationInterface {
  name = 'BusinessCalendar1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE business_hours (
        weekday       smallint NOT NULL,
        start_minute  smallint NOT NULL,
        end_minute    smallint NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        updated_by    uuid REFERENCES app_user (id),
        CONSTRAINT pk_business_hours PRIMARY KEY (weekday, start_minute),
        CONSTRAINT ck_business_hours_weekday CHECK (weekday BETWEEN 1 AND 7),
        CONSTRAINT ck_business_hours_range CHECK (start_minute >= 0 AND start_minute < end_minute AND end_minute <= 1440)
      )`);
    await q.query(`CREATE TYPE calendar_day_kind AS ENUM ('holiday', 'compensatory', 'working_day')`);
    await q.query(`
      CREATE TABLE calendar_day (
        day         date NOT NULL,
        kind        calendar_day_kind NOT NULL,
        name        text NOT NULL,
        source      text NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        updated_by  uuid REFERENCES app_user (id),
        CONSTRAINT pk_calendar_day PRIMARY KEY (day)
      )`);
    await q.query(`
      CREATE TABLE calendar_change (
        id          bigserial PRIMARY KEY,
        action      text NOT NULL,
        day         date,
        before      jsonb,
        after       jsonb,
        changed_at  timestamptz NOT NULL DEFAULT now(),
        changed_by  uuid REFERENCES app_user (id)
      )`);
    await q.query(`CREATE INDEX ix_calendar_change_day ON calendar_change (day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_change`);
    await q.query(`DROP TABLE IF EXISTS calendar_day`);
    await q.query(`DROP TYPE IF EXISTS calendar_day_kind`);
    await q.query(`DROP TABLE IF EXISTS business_hours`);
  }
}
