import { Client } from 'pg';
import { businessCalendarStep } from '../../../../../seed/src/business-calendar.seed';
import { createScratchDatabase, ScratchDatabase } from '../../../testing/scratch-database';
import { hcmc, HOUR } from './calendar.fixtures';
import { ADMIN_SOURCE, CalendarRepository } from './calendar.repository';
import { vietnamCalendarDays } from './vietnam-holidays';

/** The seed step and the repository against a real, freshly migrated PostgreSQL (a scratch database). */
describe('business calendar storage (real PostgreSQL)', () => {
  let db: ScratchDatabase;
  let client: Client;
  let repo: CalendarRepository;
  let adminId: string;
  const at = new Date('2026-03-01T02:00:00Z');

  const seed = async () => {
    await client.query('BEGIN');
    const counts = await businessCalendarStep.run(client);
    await client.query('COMMIT');
    return counts;
  };

  beforeAll(async () => {
    db = await createScratchDatabase({ migrate: true });
    client = new Client({ connectionString: db.url });
    await client.connect();
    repo = new CalendarRepository(db.dataSource);
    const [{ id }] = (
      await client.query(
        `INSERT INTO app_user (username, username_key, password_hash, full_name, role) VALUES ('cal.admin', 'cal.admin', 'x', 'Calendar Admin', 'admin') RETURNING id`,
      )
    ).rows;
    adminId = id;
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('preloads the default hours and every 2025–2027 day', async () => {
    const expectedDays = [2025, 2026, 2027].flatMap((y) => vietnamCalendarDays(y)).length;
    expect(await seed()).toEqual({ hours: 10, days: expectedDays, total: expectedDays });
    const hours = await repo.hours();
    expect(hours.filter((h) => h.weekday === 1).map((h) => [h.startMinute, h.endMinute])).toEqual([
      [450, 690],
      [780, 1020],
    ]);
    expect(hours.some((h) => h.weekday >= 6)).toBe(false);
    const tet = await repo.days('2026-02-14', '2026-02-22');
    expect(tet.map((d) => [d.date, d.kind])).toEqual(
      ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => [d, 'holiday']),
    );
    expect(tet[0].source).toMatch(/Thủ tướng/);
  });

  it('loads it as the business calendar the SLA code uses', async () => {
    const calendar = await repo.load();
    expect(calendar.addBusinessMs(hcmc('2026-02-13 10:00'), 8 * HOUR).toISOString()).toBe(hcmc('2026-02-23 10:00').toISOString());
    expect(calendar.isWorking(hcmc('2025-04-26 09:00'))).toBe(true); // swapped Saturday
    expect(calendar.entry('2026-04-27')?.kind).toBe('compensatory');
  });

  it('records every admin change with who and when, and a second seed keeps every edit', async () => {
    const change = { by: adminId, at };
    const edited = await repo.putDay('2026-09-01', { kind: 'compensatory', name: 'Nghỉ hoán đổi (đã sửa)' }, change);
    expect(edited).toMatchObject({ date: '2026-09-01', kind: 'compensatory', source: ADMIN_SOURCE, updatedBy: adminId });
    expect(new Date(edited.updatedAt).toISOString()).toBe(at.toISOString());
    expect(await repo.deleteDay('2027-02-10', change)).toMatchObject({ date: '2027-02-10', kind: 'compensatory' });
    expect(await repo.deleteDay('2027-02-10', change)).toBeNull();
    const hours = await repo.replaceHours(
      [
        { weekday: 1, startMinute: 480, endMinute: 720 },
        { weekday: 6, startMinute: 480, endMinute: 660 },
      ],
      change,
    );
    expect(hours.map((h) => [h.weekday, h.startMinute, h.endMinute, h.updatedBy])).toEqual([
      [1, 480, 720, adminId],
      [6, 480, 660, adminId],
    ]);

    const log = (
      await client.query(
        `SELECT action, to_char(day, 'YYYY-MM-DD') AS day, before IS NOT NULL AS had_before, after IS NOT NULL AS has_after, changed_by FROM calendar_change ORDER BY id`,
      )
    ).rows;
    expect(log).toEqual([
      { action: 'put_day', day: '2026-09-01', had_before: true, has_after: true, changed_by: adminId },
      { action: 'delete_day', day: '2027-02-10', had_before: true, has_after: false, changed_by: adminId },
      { action: 'put_hours', day: null, had_before: true, has_after: true, changed_by: adminId },
    ]);

    expect(await seed()).toMatchObject({ hours: 0, days: 0 });
    expect((await repo.days('2026-09-01', '2026-09-01'))[0]).toMatchObject({ kind: 'compensatory', name: 'Nghỉ hoán đổi (đã sửa)' });
    expect(await repo.days('2027-02-10', '2027-02-10')).toEqual([]);
    expect((await repo.hours()).map((h) => [h.weekday, h.startMinute])).toEqual([
      [1, 480],
      [6, 480],
    ]);
  });

  it('lets the database refuse a range outside the day or an unknown kind', async () => {
    await expect(client.query(`INSERT INTO business_hours (weekday, start_minute, end_minute) VALUES (8, 0, 60)`)).rejects.toThrow(
      /ck_business_hours_weekday/,
    );
    await expect(client.query(`INSERT INTO business_hours (weekday, start_minute, end_minute) VALUES (2, 600, 1500)`)).rejects.toThrow(
      /ck_business_hours_range/,
    );
    await expect(
      client.query(`INSERT INTO calendar_day (day, kind, name, source) VALUES ('2030-01-01', 'party', 'x', 'y')`),
    ).rejects.toThrow(/calendar_day_kind/);
  });
});
