import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createTestHttpAppOnOwnRedis, OwnRedisHttpApp } from '../../testing/http-app';

describe('intake while Redis is down', () => {
  let own: OwnRedisHttpApp;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    own = await createTestHttpAppOnOwnRedis();
    app = own.app;
    await own.redis.kill();
  });
  afterAll(async () => {
    await own?.close();
  });

  it('still accepts reports: they wait in the outbox for the relay', async () => {
    const description = `Đèn đường tắt cả tuần ${Date.now()}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'content-type': 'application/json' },
      payload: { category: 'street-light', lat: 10.7725, lng: 106.6981, description },
    });
    expect(res.statusCode).toBe(201);
    const db = app.get<DataSource>(getDataSourceToken());
    const [row] = await db.query(
      `SELECT o.published_at FROM report r JOIN outbox o ON o.aggregate_id = r.id::text WHERE r.description = $1`,
      [description],
    );
    expect(row).toEqual({ published_at: null });
  });

  it('says so on /ready while /health stays up', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.redis.status).toBe('down');
  });
});
