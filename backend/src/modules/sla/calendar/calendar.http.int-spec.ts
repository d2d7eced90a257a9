import { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { businessCalendarStep } from '../../../../../seed/src/business-calendar.seed';
import { createTestHttpApp } from '../../../testing/http-app';
import { setEnv } from '../../../testing/process-env';
import { TestRedisServer } from '../../../testing/redis-server';
import { createScratchDatabase, ScratchDatabase } from '../../../testing/scratch-database';
import { hcmc, HOUR } from './calendar.fixtures';
import { CalendarService } from './calendar.service';

/** The admin calendar API in-process, on its own scratch database and private Redis. */
describe('admin calendar API (in-process, real PostgreSQL)', () => {
  let db: ScratchDatabase;
  let redis: TestRedisServer;
  let app: NestFastifyApplication;
  let sql: Client;
  let adminToken: string;
  let leaderToken: string;
  let adminId: string;
  let restoreEnv: (() => void) | undefined;
  const PASSWORD = 'calendar-test-1022';

  beforeAll(async () => {
    db = await createScratchDatabase({ migrate: true });
    redis = await TestRedisServer.start();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query('BEGIN');
    await businessCalendarStep.run(sql);
    await sql.query('COMMIT');
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    const users = await sql.query(
      `INSERT INTO app_user (username, username_key, password_hash, full_name, role) VALUES ('cal.admin', 'cal.admin', $1, 'Admin', 'admin'), ('cal.leader', 'cal.leader', $1, 'Leader', 'leader') RETURNING id, username`,
      [hash],
    );
    adminId = users.rows.find((u) => u.username === 'cal.admin').id;
    restoreEnv = setEnv({ DATABASE_URL: db.url, REDIS_URL: redis.url });
    app = await createTestHttpApp();
    const login = async (username: string) =>
      (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } })).json()
        .accessToken as string;
    adminToken = await login('cal.admin');
    leaderToken = await login('cal.leader');
  });
  afterAll(async () => {
    await app?.close();
    restoreEnv?.();
    await sql?.end();
    await redis?.stop();
    await db?.drop();
  });

  const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, token: string | null, payload?: object) =>
    app.inject({ method, url: `/api/v1/admin/calendar${url}`, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('shows an admin the hours and the days of a year', async () => {
    const res = await call('GET', '?year=2026', adminToken);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(
      body.hours.filter((h: { weekday: number }) => h.weekday === 5).map((h: { start: string; end: string }) => `${h.start}–${h.end}`),
    ).toEqual(['07:30–11:30', '13:00–17:00']);
    expect(body.days.find((d: { date: string }) => d.date === '2026-02-17')).toMatchObject({
      kind: 'holiday',
      name: expect.stringContaining('Bính Ngọ'),
    });
    expect(body.days.find((d: { date: string }) => d.date === '2026-01-10')).toMatchObject({ kind: 'working_day' });
    expect(body.days.every((d: { date: string }) => d.date.startsWith('2026-'))).toBe(true);
  });

  it.each([
    ['GET', '?year=2026'],
    ['PUT', '/days/2026-08-31'],
    ['DELETE', '/days/2026-09-01'],
    ['PUT', '/hours'],
  ] as const)('refuses a leader %s %s with 403, and a stranger with 401', async (method, url) => {
    const payload = url === '/hours' ? { ranges: [{ weekday: 1, start: '08:00', end: '12:00' }] } : { kind: 'holiday', name: 'x' };
    const asLeader = await call(method, url, leaderToken, method === 'GET' ? undefined : payload);
    expect([asLeader.statusCode, asLeader.json().code]).toEqual([403, 'auth.forbidden']);
    expect((await call(method, url, null, method === 'GET' ? undefined : payload)).statusCode).toBe(401);
    expect((await sql.query(`SELECT count(*)::int AS n FROM calendar_change`)).rows[0].n).toBe(0);
  });

  it.each([
    ['PUT', '/days/2026-02-30', { kind: 'holiday', name: 'x' }, 'date'],
    ['PUT', '/days/31-08-2026', { kind: 'holiday', name: 'x' }, 'date'],
    ['PUT', '/days/1999-12-31', { kind: 'holiday', name: 'x' }, 'date'],
    ['DELETE', '/days/not-a-date', undefined, 'date'],
    ['PUT', '/days/2026-08-31', { kind: 'party', name: 'x' }, 'kind'],
    ['PUT', '/days/2026-08-31', { kind: 'holiday', name: '   ' }, 'name'],
    ['PUT', '/days/2026-08-31', { kind: 'holiday', name: 'x', extra: 1 }, '(body)'],
    ['GET', '?year=abc', undefined, 'year'],
    ['GET', '?year=1899', undefined, 'year'],
    ['PUT', '/hours', { ranges: [{ weekday: 1, start: '07:30', end: '25:00' }] }, 'ranges.0.end'],
    ['PUT', '/hours', { ranges: [{ weekday: 8, start: '07:30', end: '11:30' }] }, 'ranges.0.weekday'],
  ] as const)('answers 400 naming the field: %s %s → %s', async (method, url, payload, field) => {
    const res = await call(method, url, adminToken, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('refuses overlapping hours with calendar.invalid_hours and keeps the old ones', async () => {
    const res = await call('PUT', '/hours', adminToken, {
      ranges: [
        { weekday: 1, start: '07:30', end: '11:30' },
        { weekday: 1, start: '11:00', end: '17:00' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'calendar.invalid_hours', issues: [{ field: 'ranges.1', rule: 'overlap' }] });
    expect((await sql.query(`SELECT count(*)::int AS n FROM business_hours`)).rows[0].n).toBe(10);
  });

  it('lets an admin add a day off, records who and when, and the SLA calendar sees it at once', async () => {
    const calendars = app.get(CalendarService);
    expect((await calendars.current()).isWorkingDay('2026-08-31')).toBe(true);
    const res = await call('PUT', '/days/2026-08-31', adminToken, { kind: 'compensatory', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 12/9)' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-08-31', kind: 'compensatory', source: 'admin', updatedBy: adminId });
    expect((await calendars.current()).isWorkingDay('2026-08-31')).toBe(false);
    const [log] = (await sql.query(`SELECT action, changed_by, after->>'kind' AS kind FROM calendar_change WHERE day = '2026-08-31'`)).rows;
    expect(log).toEqual({ action: 'put_day', changed_by: adminId, kind: 'compensatory' });
  });

  it('lets an admin delete a day (204), then answers 404 for it', async () => {
    expect((await call('DELETE', '/days/2026-08-31', adminToken)).statusCode).toBe(204);
    const again = await call('DELETE', '/days/2026-08-31', adminToken);
    expect([again.statusCode, again.json().code]).toEqual([404, 'calendar.day_not_found']);
    expect((await app.get(CalendarService).current()).isWorkingDay('2026-08-31')).toBe(true);
  });

  it('lets an admin replace the weekly hours, and deadlines follow', async () => {
    const ranges = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '08:00', end: '12:00' },
      { weekday, start: '13:30', end: '17:30' },
    ]);
    const res = await call('PUT', '/hours', adminToken, { ranges });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(10);
    expect(res.json()[0]).toMatchObject({ weekday: 1, start: '08:00', end: '12:00', startMinute: 480, endMinute: 720, updatedBy: adminId });
    const calendar = await app.get(CalendarService).current();
    expect(calendar.addBusinessMs(hcmc('2025-11-21 16:30'), 2 * HOUR).toISOString()).toBe(hcmc('2025-11-24 09:00').toISOString());
    expect(calendar.addBusinessMs(hcmc('2025-11-21 17:30'), 2 * HOUR).toISOString()).toBe(hcmc('2025-11-24 10:00').toISOString());
    expect(
      (await sql.query(`SELECT count(*)::int AS n FROM calendar_change WHERE action = 'put_hours' AND changed_by = $1`, [adminId])).rows[0]
        .n,
    ).toBe(1);
  });
});
