import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTwoTestHttpApps } from '../../testing/http-app';
import { advanceClock, callApi, signIn } from '../../testing/http-client';

/**
 * Staff accounts as an admin runs them, over HTTP against the real database and Redis, with
 * two applications standing for two API processes (finding 3 of issue 14: a disabled account
 * kept working for hours). Each application's session clock is moved by hand.
 */
type App = NestFastifyApplication;
const CHECK_MS = 30_000;
const run = randomUUID().slice(0, 8);
const NEW_PASSWORD = `Sông Sài Gòn chảy qua ${run}`;

const call = (app: App, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token?: string, payload?: object) =>
  callApi(app, method, url, token, payload);

describe('staff accounts (in-process HTTP, real PostgreSQL and Redis)', () => {
  let a: App;
  let b: App;
  let db: DataSource;
  let admin: string;
  let wardUnit: string;
  let deptUnit: string;

  beforeAll(async () => {
    ({ a, b, db } = await createTwoTestHttpApps());
    admin = (await signIn(a, 'admin')).body.accessToken;
    [{ id: wardUnit }] = await db.query(`SELECT id FROM handling_unit WHERE code = 'UBND-26743'`);
    [{ id: deptUnit }] = await db.query(`SELECT id FROM handling_unit WHERE code = 'SO-XAYDUNG'`);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('creates a ward official who must choose a password first, then disables them: refused everywhere within SESSION_CHECK_SECONDS', async () => {
    const username = `ward.test.${run}`;
    const created = await call(a, 'POST', '/api/v1/admin/users', admin, {
      username: username.toUpperCase(),
      fullName: 'Cán bộ Thử nghiệm',
      role: 'ward_official',
      unitId: wardUnit,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username, role: 'ward_official', unit: { id: wardUnit }, active: true, mustChangePassword: true });
    expect(created.body).not.toHaveProperty('passwordHash');

    const first = await signIn(a, username, created.body.temporaryPassword);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const temporary = first.body.accessToken;
    expect(await call(a, 'GET', `/api/v1/units/${wardUnit}/queue`, temporary)).toMatchObject({
      status: 403,
      body: { code: 'auth.password_change_required' },
    });
    const changed = await call(a, 'POST', '/api/v1/auth/password', temporary, {
      currentPassword: created.body.temporaryPassword,
      newPassword: NEW_PASSWORD,
    });
    expect(changed).toMatchObject({ status: 200, body: { mustChangePassword: false } });

    const official = (await signIn(a, username, NEW_PASSWORD)).body;
    expect((await call(b, 'GET', `/api/v1/units/${wardUnit}/queue`, official.accessToken)).status).toBe(200);

    const disabled = await call(a, 'POST', `/api/v1/admin/users/${created.body.id}/disable`, admin);
    expect(disabled).toMatchObject({ status: 200, body: { active: false } });
    expect((await call(a, 'GET', `/api/v1/units/${wardUnit}/queue`, official.accessToken)).body.code).toBe('auth.session_ended');
    advanceClock(b, CHECK_MS);
    expect((await call(b, 'GET', `/api/v1/units/${wardUnit}/queue`, official.accessToken)).body.code).toBe('auth.session_ended');
    expect((await call(b, 'POST', '/api/v1/auth/refresh', undefined, { refreshToken: official.refreshToken })).status).toBe(401);
    expect((await signIn(a, username, NEW_PASSWORD)).status).toBe(401);

    expect((await call(a, 'POST', `/api/v1/admin/users/${created.body.id}/enable`, admin)).body.active).toBe(true);
    expect((await signIn(a, username, NEW_PASSWORD)).status).toBe(200);

    const trail = await call(a, 'GET', `/api/v1/admin/audit?subject=user:${created.body.id}`, admin);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e: { type: string }) => e.type).reverse()).toEqual([
      'user_created',
      'password_changed',
      'user_disabled',
      'user_enabled',
    ]);
    expect(trail.body.items.at(-1)).toMatchObject({
      actor: { username: 'admin', role: 'admin' },
      data: { after: { username, role: 'ward_official', unit: 'UBND-26743', active: true } },
    });
    const signIns = await call(a, 'GET', `/api/v1/admin/audit?subject=username:${username}&type=sign_in_failed,sign_in_succeeded`, admin);
    expect(signIns.body.items.map((e: { type: string; data: { reason?: string } }) => [e.type, e.data.reason ?? null]).reverse()).toEqual([
      ['sign_in_succeeded', null],
      ['sign_in_succeeded', null],
      ['sign_in_failed', 'disabled'],
      ['sign_in_succeeded', null],
    ]);
    const reads = await db.query(
      `SELECT count(*)::int AS n FROM audit_event a JOIN app_user u ON u.id = a.actor_user_id WHERE a.type = 'audit_read' AND u.username = 'admin' AND a.created_at > now() - interval '1 minute'`,
    );
    expect(reads[0].n).toBeGreaterThanOrEqual(2);
  });

  it('moves an official to another unit: their sessions take the new unit without signing out', async () => {
    const username = `dept.test.${run}`;
    const created = await call(a, 'POST', '/api/v1/admin/users', admin, {
      username,
      fullName: 'Cán bộ Sở',
      role: 'department_official',
      unitId: deptUnit,
    });
    await call(a, 'POST', '/api/v1/auth/password', (await signIn(a, username, created.body.temporaryPassword)).body.accessToken, {
      currentPassword: created.body.temporaryPassword,
      newPassword: NEW_PASSWORD,
    });
    const token = (await signIn(a, username, NEW_PASSWORD)).body.accessToken;
    expect((await call(b, 'GET', `/api/v1/units/${deptUnit}/queue`, token)).status).toBe(200);

    const moved = await call(a, 'PATCH', `/api/v1/admin/users/${created.body.id}`, admin, { role: 'ward_official', unitId: wardUnit });
    expect(moved).toMatchObject({ status: 200, body: { role: 'ward_official', unit: { id: wardUnit } } });
    advanceClock(b, CHECK_MS);
    expect((await call(b, 'GET', `/api/v1/units/${deptUnit}/queue`, token)).status).toBe(403);
    expect((await call(b, 'GET', `/api/v1/units/${wardUnit}/queue`, token)).status).toBe(200);
    const [event] = (await call(a, 'GET', `/api/v1/admin/audit?subject=user:${created.body.id}&type=user_updated`, admin)).body.items;
    expect(event.data).toEqual({
      before: { role: 'department_official', unit: 'SO-XAYDUNG' },
      after: { role: 'ward_official', unit: 'UBND-26743' },
    });
  });

  it('resets a password: the user is signed out everywhere and must choose a new one', async () => {
    const username = `op.test.${run}`;
    const created = await call(a, 'POST', '/api/v1/admin/users', admin, { username, fullName: 'Điện thoại viên', role: 'operator' });
    const session = (await signIn(a, username, created.body.temporaryPassword)).body;
    const reset = await call(a, 'POST', `/api/v1/admin/users/${created.body.id}/reset-password`, admin);
    expect(reset.status).toBe(200);
    expect(reset.body.temporaryPassword).not.toBe(created.body.temporaryPassword);
    expect((await call(a, 'GET', '/api/v1/auth/me', session.accessToken)).body.code).toBe('auth.session_ended');
    expect((await signIn(a, username, created.body.temporaryPassword)).status).toBe(401);
    expect((await signIn(a, username, reset.body.temporaryPassword)).body.user.mustChangePassword).toBe(true);
  });

  it('never disables or demotes the last active admin', async () => {
    const [{ id: adminId }] = await db.query(`SELECT id FROM app_user WHERE username = 'admin'`);
    const others: { id: string }[] = await db.query(`SELECT id FROM app_user WHERE role = 'admin' AND active AND username <> 'admin'`);
    for (const o of others) expect((await call(a, 'POST', `/api/v1/admin/users/${o.id}/disable`, admin)).status).toBe(200);
    expect(await call(a, 'POST', `/api/v1/admin/users/${adminId}/disable`, admin)).toMatchObject({
      status: 409,
      body: { code: 'staff.last_admin' },
    });
    expect(await call(a, 'PATCH', `/api/v1/admin/users/${adminId}`, admin, { role: 'leader' })).toMatchObject({
      status: 409,
      body: { code: 'staff.last_admin' },
    });

    // With a second admin, the first may go; both racing to disable each other leave one.
    const second = await call(a, 'POST', '/api/v1/admin/users', admin, {
      username: `admin.test.${run}`,
      fullName: 'Quản trị Hai',
      role: 'admin',
    });
    const [x, y] = await Promise.all([
      call(a, 'POST', `/api/v1/admin/users/${adminId}/disable`, admin),
      call(b, 'POST', `/api/v1/admin/users/${second.body.id}/disable`, admin),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND active`);
    expect(n).toBe(1);
    // Put the demo admin back as it was for the suites that follow.
    await db.query(`UPDATE app_user SET active = true WHERE id = $1`, [adminId]);
    admin = (await signIn(a, 'admin')).body.accessToken;
  });

  it.each([
    ['a username that folds to nothing valid', { username: 'a!', fullName: 'X Y', role: 'operator' }, 400, 'username'],
    ['a ward official without a unit', { username: `w1.${run}`, fullName: 'X Y', role: 'ward_official' }, 400, 'unitId'],
    ['a ward official in a department', { username: `w2.${run}`, fullName: 'X Y', role: 'ward_official', unitId: 'DEPT' }, 400, 'unitId'],
    ['a leader with a unit', { username: `w3.${run}`, fullName: 'X Y', role: 'leader', unitId: 'WARD' }, 400, 'unitId'],
    [
      'an unknown unit',
      { username: `w4.${run}`, fullName: 'X Y', role: 'ward_official', unitId: '7d3c6a0e-5b1f-4c2a-9e8d-1f2a3b4c5d6e' },
      400,
      'unitId',
    ],
    ['a taken username in another spelling', { username: 'WARD.BENTHANH', fullName: 'X Y', role: 'operator' }, 409, 'username'],
    ['an unknown role', { username: `w5.${run}`, fullName: 'X Y', role: 'mayor' }, 400, 'role'],
    ['a NUL in the name', { username: `w6.${run}`, fullName: 'X\u0000Y', role: 'operator' }, 400, 'fullName'],
  ])('refuses %s, naming the field, and writes nothing', async (_, body, status, field) => {
    const started = new Date();
    const payload = {
      ...body,
      ...('unitId' in body ? { unitId: body.unitId === 'DEPT' ? deptUnit : body.unitId === 'WARD' ? wardUnit : body.unitId } : {}),
    };
    const res = await call(a, 'POST', '/api/v1/admin/users', admin, payload);
    expect({ status: res.status, field: res.body.issues?.[0]?.field }).toEqual({ status, field });
    const rows = await db.query(`SELECT 1 FROM app_user WHERE username_key = $1 AND created_at >= $2`, [
      String(body.username).toLowerCase(),
      started,
    ]);
    expect(rows).toEqual([]);
  });

  it('audits configuration changes with who and what (the work calendar here)', async () => {
    const day = '2099-12-30';
    expect((await call(a, 'PUT', `/api/v1/admin/calendar/days/${day}`, admin, { kind: 'holiday', name: `Ngày thử ${run}` })).status).toBe(
      200,
    );
    expect(
      (await a.inject({ method: 'DELETE', url: `/api/v1/admin/calendar/days/${day}`, headers: { authorization: `Bearer ${admin}` } }))
        .statusCode,
    ).toBe(204);
    const trail = await call(a, 'GET', `/api/v1/admin/audit?subject=calendar_day:${day}&actor=ADMIN`, admin);
    expect(
      trail.body.items
        .slice(0, 2)
        .map((e: { type: string; data: unknown; actor: { username: string } }) => [e.type, e.actor.username, e.data]),
    ).toEqual([
      ['calendar_changed', 'admin', { after: null }],
      ['calendar_changed', 'admin', { after: { kind: 'holiday', name: `Ngày thử ${run}` } }],
    ]);
  });

  it('imports staff from CSV: a dry run lists every bad row, a bad file writes nothing, a clean one writes all', async () => {
    const header = 'username,full_name,role,unit_code,email,phone';
    const good = [
      `imp.a.${run},Nguyễn Văn A,ward_official,UBND-26743,a.${run}@example.vn,0901111111`,
      `imp.b.${run},"Lê Thị B",department_official,SO-XAYDUNG,,`,
    ];
    const bad = [
      `imp.c.${run},Trần C,ward_official,SO-XAYDUNG,,`,
      `IMP.A.${run},Trùng A,operator,,,`,
      'ward.benthanh,Trùng demo,operator,,,',
    ];
    const dry = await call(a, 'POST', '/api/v1/admin/users/import', admin, { csv: [header, ...good, ...bad].join('\n') });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, valid: 2, created: [] });
    expect(dry.body.problems.map((p: { line: number; field: string; rule: string }) => [p.line, p.field, p.rule])).toEqual([
      [4, 'unit_code', 'unit_kind'],
      [5, 'username', 'duplicate'],
      [6, 'username', 'unique'],
    ]);
    const refused = await call(a, 'POST', '/api/v1/admin/users/import', admin, {
      csv: [header, ...good, ...bad].join('\n'),
      dryRun: false,
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'staff.import_refused' } });
    expect(await db.query(`SELECT 1 FROM app_user WHERE username_key LIKE $1`, [`imp.%.${run}`])).toEqual([]);

    const done = await call(a, 'POST', '/api/v1/admin/users/import', admin, { csv: [header, ...good].join('\n'), dryRun: false });
    expect(done.status).toBe(200);
    expect(done.body.created.map((u: { username: string; unit: { code: string } }) => [u.username, u.unit.code])).toEqual([
      [`imp.a.${run}`, 'UBND-26743'],
      [`imp.b.${run}`, 'SO-XAYDUNG'],
    ]);
    const first = await signIn(a, `imp.b.${run}`, done.body.created[1].temporaryPassword);
    expect(first.body.user).toMatchObject({ role: 'department_official', mustChangePassword: true });
    expect((await call(a, 'GET', `/api/v1/admin/audit?type=users_imported&limit=1`, admin)).body.items[0].data).toEqual({
      count: 2,
      usernames: [`imp.a.${run}`, `imp.b.${run}`],
    });
  });

  it('lists and searches accounts without their password hashes', async () => {
    const res = await call(a, 'GET', `/api/v1/admin/users?q=${run}&limit=50`, admin);
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    expect(res.body.items.every((u: { username: string }) => u.username.includes(run))).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password_?hash/i);
    const wards = await call(a, 'GET', `/api/v1/admin/users?role=ward_official&unitId=${wardUnit}`, admin);
    expect(
      wards.body.items.every((u: { role: string; unit: { id: string } }) => u.role === 'ward_official' && u.unit.id === wardUnit),
    ).toBe(true);
  });
});
