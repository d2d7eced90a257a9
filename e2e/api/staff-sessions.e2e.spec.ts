import { randomUUID } from 'node:crypto';
import { api, login } from '../support/api';
import { queryDatabase } from '../support/db';
import { until } from '../support/until';

/**
 * Finding 3 of issue 14 against the running API and worker: a disabled official's token is
 * refused at once, while the work their last action started (the reporter's notification, sent
 * by the worker) still finishes, since jobs carry ids, not the official's authority.
 */

const BEN_THANH = { lat: 10.7725, lng: 106.6981 };
const WAIT_MS = 30_000;
const run = randomUUID().slice(0, 8);

describe('staff sessions against the running server', () => {
  it("refuses a disabled official's token at once, and still sends the notification their last action started", async () => {
    const admin = await login('admin');
    const units = await api<{ id: string; code: string }[]>('GET', '/api/v1/units', { token: admin });
    const dept = units.body.find((u) => u.code === 'SO-XAYDUNG')!;
    const username = `dept.jobs.${run}`;
    const created = await api('POST', '/api/v1/admin/users', {
      token: admin,
      json: { username, fullName: 'Cán bộ Sở Thử', role: 'department_official', unitId: dept.id },
    });
    expect(created.status).toBe(201);
    const first = await api('POST', '/api/v1/auth/login', { json: { username, password: created.body.temporaryPassword } });
    const password = `Đèn tín hiệu ngã tư ${run}`;
    expect(
      (
        await api('POST', '/api/v1/auth/password', {
          token: first.body.accessToken,
          json: { currentPassword: created.body.temporaryPassword, newPassword: password },
        })
      ).status,
    ).toBe(200);
    const token: string = first.body.accessToken;

    const filed = await api('POST', '/api/v1/reports', {
      json: {
        category: 'traffic-light',
        ...BEN_THANH,
        attributes: { fault: 'tat' },
        description: `Đèn tín hiệu tắt hoàn toàn ở ngã tư ${run}`,
        reporter: { name: 'Người Phản Ánh', email: `reporter.${run}@example.com`, hideIdentity: false },
        consent: true,
      },
    });
    expect(filed.status).toBe(201);
    await until(async () => (await api('GET', `/api/v1/track/${filed.body.code}`)).body.status === 'assigned', WAIT_MS);
    const view = await api('GET', `/api/v1/reports/${filed.body.id}`, { token });
    expect(view.status).toBe(200);
    const resolved = await api('POST', `/api/v1/reports/${filed.body.id}/actions/resolve`, {
      token,
      json: { version: view.body.version, publicMessage: 'Đã thay bộ điều khiển, đèn hoạt động lại' },
    });
    expect(resolved.status).toBe(200);

    expect((await api('POST', `/api/v1/admin/users/${created.body.id}/disable`, { token: admin })).status).toBe(200);
    expect(await api('GET', '/api/v1/auth/me', { token })).toMatchObject({ status: 401, body: { code: 'auth.session_ended' } });
    expect(
      (await api('POST', `/api/v1/reports/${filed.body.id}/notes`, { token, json: { message: 'Ghi chú sau khi bị khóa' } })).status,
    ).toBe(401);

    const sent = await until(async () => {
      const rows = await queryDatabase<{ status: string }>(
        `SELECT status FROM notification WHERE report_id = $1 AND recipient = $2 AND template = 'citizen.status.resolved'`,
        [filed.body.id, `reporter.${run}@example.com`],
      );
      return rows.length > 0 && rows.every((r) => r.status === 'sent') ? rows : null;
    }, WAIT_MS);
    expect(sent.length).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
