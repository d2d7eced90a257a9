import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { createTestHttpApp } from '../../testing/http-app';
import { categoryViewSchema } from '../../modules/categories/categories.dto';
import { locatedPointSchema, wardSearchHitSchema } from '../../modules/geo/geo.dto';
import { callerReportSchema, duplicateCandidateSchema, filedReportSchema } from '../../modules/intake/intake.dto';
import { staffReportSchema, trackedReportSchema } from '../../modules/reports/reports.dto';
import { RoutingService } from '../../modules/routing/routing.service';
import { queueItemSchema } from '../../modules/tickets/tickets.dto';
import { unitViewSchema } from '../../modules/units/units.dto';

/**
 * The frontend's types are generated from the documented answers: each documented answer must be
 * what the API sends, field for field (zod drops an undocumented field, so the parse would differ).
 */
describe('documented answers (in-process HTTP, real PostgreSQL and Redis)', () => {
  let app: NestFastifyApplication;
  const tokens: Record<string, string> = {};

  const get = async (url: string, who?: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: { ...headers, ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
    });
    expect(res.statusCode).toBe(200);
    return res.json<unknown>();
  };
  const fits = (schema: z.ZodType, body: unknown) => expect(schema.parse(body)).toEqual(body);

  beforeAll(async () => {
    app = await createTestHttpApp();
    for (const u of ['ward.benthanh', 'operator']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u, password: '1022demo!' } });
      tokens[u] = res.json<{ accessToken: string }>().accessToken;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('files, locates, lists and shows a report as documented', async () => {
    fits(z.array(categoryViewSchema), await get('/api/v1/categories'));
    fits(z.array(wardSearchHitSchema), await get('/api/v1/geo/search?q=Ben%20Thanh&limit=3'));
    fits(locatedPointSchema, await get('/api/v1/geo/locate?lat=10.7725&lng=106.6981'));

    const filed = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { authorization: `Bearer ${tokens.operator}` },
      payload: {
        category: 'illegal-construction',
        lat: 10.7725,
        lng: 106.6981,
        description: 'Công trình xây dựng lấn chiếm vỉa hè',
        channel: 'phone',
        reporter: { name: 'Nguyễn Văn A', phone: '0901234567', hideIdentity: false },
      },
    });
    expect(filed.statusCode).toBe(201);
    const report = filed.json<{ id: string; code: string; reporterSecret: string }>();
    fits(filedReportSchema, report);
    await app.get(RoutingService).routeNew(report.id);

    fits(trackedReportSchema, await get(`/api/v1/track/${report.code}`, undefined, { 'x-reporter-secret': report.reporterSecret }));
    fits(staffReportSchema, await get(`/api/v1/reports/${report.id}`, 'operator'));
    const staff = await get(`/api/v1/reports/${report.id}`, 'ward.benthanh');
    fits(staffReportSchema, staff);
    const duplicates = await get('/api/v1/reports/duplicates?category=illegal-construction&lat=10.7725&lng=106.6981', 'operator');
    expect(duplicates).not.toHaveLength(0);
    fits(z.array(duplicateCandidateSchema), duplicates);
    const calls = await get('/api/v1/callers/0901234567/reports', 'operator');
    expect(calls).not.toHaveLength(0);
    fits(z.array(callerReportSchema), calls);

    const units = await get('/api/v1/units', 'ward.benthanh');
    fits(z.array(unitViewSchema), units);
    const unitId = (staff as { assignedUnit: { id: string } }).assignedUnit.id;
    const queue = await get(`/api/v1/units/${unitId}/queue?limit=5`, 'ward.benthanh');
    expect(queue).not.toHaveLength(0);
    fits(z.array(queueItemSchema), queue);
  });
});
