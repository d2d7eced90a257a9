import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { RoutingService } from '../routing/routing.service';

describe('GET /api/v1/units/:id/queue (in-process HTTP, real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const tokens: Record<string, string> = {};

  const call = async (url: string, who: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who]}` } });
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    ({ app, db } = await createTestHttpAppWithDb());
    for (const username of ['ward.benthanh', 'ward.saigon']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: '1022demo!' } });
      tokens[username] = res.json().accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists each open ticket with the point it was reported at, for the workbench map', async () => {
    // Two points inside Phường Bến Thành, a few hundred metres apart.
    const points = [
      { lat: 10.7725, lng: 106.6981 },
      { lat: 10.769, lng: 106.693 },
    ];
    const ids: string[] = [];
    for (const point of points) {
      const filed = await app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: { category: 'illegal-construction', ...point, description: 'Xây dựng không phép, kiểm thử bản đồ hàng đợi' },
      });
      expect(filed.statusCode).toBe(201);
      await app.get(RoutingService).routeNew(filed.json().id);
      ids.push(filed.json().id);
    }
    const [{ unitId }] = await db.query(`SELECT assigned_unit_id AS "unitId" FROM report WHERE id = $1`, [ids[0]]);
    const queue = await call(`/api/v1/units/${unitId}/queue?limit=500`, 'ward.benthanh');
    expect(queue.status).toBe(200);
    for (const [k, id] of ids.entries()) {
      const item = queue.body.find((q: { id: string }) => q.id === id);
      expect(item).toMatchObject({ status: 'assigned', ward: { code: '26743' } });
      expect(item.location.lat).toBeCloseTo(points[k].lat, 9);
      expect(item.location.lng).toBeCloseTo(points[k].lng, 9);
    }
    expect(
      queue.body.every(
        (q: { location: { lat: number; lng: number } }) => Number.isFinite(q.location.lat) && Number.isFinite(q.location.lng),
      ),
    ).toBe(true);
    // Another ward's official gets no queue, so no points either.
    expect((await call(`/api/v1/units/${unitId}/queue`, 'ward.saigon')).status).toBe(403);
  });
});
