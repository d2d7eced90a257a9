import { randomUUID } from 'node:crypto';
import { api, login } from '../support/api';
import { until } from '../support/until';

const BEN_THANH = { lat: 10.7725, lng: 106.6981 };

describe('routing and SLA over HTTP (API + worker)', () => {
  let ward: string;
  let saigon: string;
  let admin: string;
  let leader: string;

  beforeAll(async () => {
    [ward, saigon, admin, leader] = await Promise.all(['ward.benthanh', 'ward.saigon', 'admin', 'leader'].map(login));
  });

  it('routes a new report to the ward committee within seconds, with SLA deadlines, into its unit queue', async () => {
    const filed = await api('POST', '/api/v1/reports', {
      json: { category: 'sidewalk-encroachment', ...BEN_THANH, description: `Lấn chiếm vỉa hè ${randomUUID()}` },
    });
    const tracked = await until(async () => {
      const t = await api('GET', `/api/v1/track/${filed.body.code}`);
      return t.body.status === 'assigned' ? t : null;
    });
    expect(tracked.body.assignedUnit.name).toContain('Bến Thành');
    const me = await api('GET', '/api/v1/auth/me', { token: ward });
    const queue = await api('GET', `/api/v1/units/${me.body.unit.id}/queue?limit=500`, { token: ward });
    const item = queue.body.find((q: { id: string }) => q.id === filed.body.id);
    expect(item).toMatchObject({
      status: 'assigned',
      slaState: 'running',
      resolutionDueAt: expect.any(String),
      responseDueAt: expect.any(String),
    });
    expect(new Date(item.resolutionDueAt).getTime()).toBeGreaterThan(new Date(item.responseDueAt).getTime());
    // Another ward's official cannot open this queue.
    expect((await api('GET', `/api/v1/units/${me.body.unit.id}/queue`, { token: saigon })).status).toBe(403);
  });

  it('records a transfer with its reason and keeps the deadlines', async () => {
    const filed = await api('POST', '/api/v1/reports', {
      json: { category: 'noise', ...BEN_THANH, description: `Karaoke ồn ào ${randomUUID()}` },
    });
    await until(async () => (await api('GET', `/api/v1/track/${filed.body.code}`)).body.status === 'assigned');
    const before = await api('GET', `/api/v1/reports/${filed.body.id}`, { token: ward });
    const units = await api('GET', '/api/v1/units', { token: ward });
    const police = units.body.find((u: { code: string }) => u.code === 'CONGAN-TP');
    const moved = await api('POST', `/api/v1/reports/${filed.body.id}/transfer`, {
      token: ward,
      json: { unitId: police.id, reason: 'Gây rối trật tự công cộng ban đêm' },
    });
    expect(moved.status).toBe(200);
    const tracked = await api('GET', `/api/v1/track/${filed.body.code}`);
    expect(tracked.body.assignedUnit.name).toMatch(/Công an/);
    expect(tracked.body.timeline.map((e: { type: string }) => e.type)).toContain('transferred');
    const after = await api('GET', `/api/v1/reports/${filed.body.id}`, { token: admin });
    expect(after.body.sla).toEqual(before.body.sla);
    // Transferred away: the ward can no longer see it.
    expect((await api('GET', `/api/v1/reports/${filed.body.id}`, { token: ward })).status).toBe(404);
  });

  it('publishes on-time figures by unit and keeps officials to their own', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 90 * 86_400_000);
    const q = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    const all = await api('GET', `/api/v1/stats/on-time?groupBy=unit&${q}`, { token: leader });
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThan(1);
    for (const row of all.body) {
      expect(row.onTime).toBeLessThanOrEqual(row.resolved);
      expect(row.rate).toBeCloseTo(row.onTime / row.resolved, 3);
    }
    const own = await api('GET', `/api/v1/stats/on-time?groupBy=unit&${q}`, { token: ward });
    expect(own.body.every((r: { key: string }) => r.key === 'UBND-26743')).toBe(true);
    expect((await api('GET', `/api/v1/stats/on-time?groupBy=unit&from=x&to=y`, { token: leader })).status).toBe(400);
  });

  it('lets admins read and change routing rules and SLA policies, and nobody else change them', async () => {
    expect(
      (await api('GET', '/api/v1/admin/routing-rules?category=flooding&wardCode=26743&active=true', { token: admin })).body[0],
    ).toMatchObject({ category: 'flooding', wardCode: '26743' });
    expect((await api('GET', '/api/v1/admin/sla-policies', { token: leader })).body.length).toBeGreaterThanOrEqual(4);
    expect(
      (
        await api('POST', '/api/v1/admin/sla-policies', {
          token: leader,
          json: { priority: 'low', responseMinutes: 60, resolutionMinutes: 600 },
        })
      ).status,
    ).toBe(403);
    const cal = await api('GET', '/api/v1/admin/calendar?year=2026', { token: admin });
    expect(cal.body.days.find((d: { date: string }) => d.date === '2026-02-17')).toMatchObject({ kind: 'holiday' });
    expect((await api('POST', '/api/v1/admin/sla/repair', { token: admin })).status).toBe(202);
  });
});
