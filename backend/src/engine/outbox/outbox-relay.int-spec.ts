import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createScratchDatabase, ScratchDatabase } from '../../testing/scratch-database';
import { TestRedisServer } from '../../testing/redis-server';
import { forSuite } from '../../testing/for-suite';
import { testConfig } from '../../testing/test-env';
import { APP_CONFIG, ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { QueueName } from '../queue/queue-name';
import { QueueModule } from '../queue/queue.module';
import { RedisModule } from '../redis/redis.module';
import { OutboxRelayModule } from './outbox-relay.module';
import { OutboxRepository } from './outbox.repository';

async function until<T>(fn: () => Promise<T | null | undefined | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Relay {
  db: ScratchDatabase;
  redis: TestRedisServer;
  app: INestApplicationContext;
}

/** The relay's module on a migrated scratch database and a private Redis, which a test may stop. */
async function openRelay(): Promise<Relay> {
  const [db, redis] = await Promise.all([createScratchDatabase({ migrate: true }), TestRedisServer.start()]);
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule, DatabaseModule, RedisModule, QueueModule, OutboxRelayModule],
  })
    .overrideProvider(APP_CONFIG)
    .useValue(testConfig({ DATABASE_URL: db.url, REDIS_URL: redis.url, DATABASE_POOL_SIZE: '4' }))
    .compile();
  return { db, redis, app: await moduleRef.init() };
}

async function closeRelay({ db, redis, app }: Relay): Promise<void> {
  await app.close();
  await redis.stop();
  await db.drop();
}

describe('outbox relay (real PostgreSQL and a private Redis)', () => {
  const relay = forSuite(openRelay, closeRelay);
  let outbox: OutboxRepository;
  let dataSource: DataSource;
  let routing: Queue;

  beforeAll(() => {
    const { app } = relay();
    outbox = app.get(OutboxRepository);
    dataSource = app.get(getDataSourceToken());
    routing = app.get(getQueueToken(QueueName.Routing));
  });

  const publish = (id: string) => dataSource.transaction((tx) => outbox.enqueue(tx, 'report.created', id));
  const row = async (id: string) =>
    (await dataSource.query(`SELECT published_at, attempts, last_error FROM outbox WHERE aggregate_id = $1`, [id]))[0];

  it('hands a committed message to its queue with a deterministic job id', async () => {
    const id = randomUUID();
    await publish(id);
    await until(async () => (await row(id))?.published_at, 3000);
    const job = await routing.getJob(id);
    expect(job?.name).toBe('route-report');
    expect(job?.data).toEqual({ id });
  });

  it('does not publish a message whose transaction rolled back', async () => {
    const id = randomUUID();
    await expect(
      dataSource.transaction(async (tx) => {
        await outbox.enqueue(tx, 'report.created', id);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await new Promise((r) => setTimeout(r, 500));
    expect(await row(id)).toBeUndefined();
    expect(await routing.getJob(id)).toBeUndefined();
  });

  it('keeps messages while Redis is down and relays them when it returns', async () => {
    await relay().redis.kill();
    const id = randomUUID();
    await publish(id);
    const failed = await until(async () => {
      const r = await row(id);
      return r?.attempts > 0 ? r : null;
    }, 15000);
    expect(failed.published_at).toBeNull();
    expect(failed.last_error).toMatch(/timed out|connect|closed/i);

    await relay().redis.restart();
    await until(async () => (await row(id))?.published_at, 15000);
    expect((await routing.getJob(id))?.name).toBe('route-report');
  }, 45000);

  it('listens again by itself once the database takes connections again, after failing to for a while', async () => {
    const listeners = async () =>
      (
        await dataSource.query(
          `SELECT pid FROM pg_stat_activity WHERE application_name = 'hcmc1022-outbox' AND datname = current_database() AND query ILIKE 'LISTEN%'`,
        )
      ).map((r: { pid: number }) => r.pid);
    const url = new URL(relay().db.url);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    const first = await until(async () => (await listeners())[0], 5000);
    // As during an outage: the connection ends and new ones are refused (the pool keeps its own).
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    try {
      await dataSource.query('SELECT pg_terminate_backend($1)', [first]);
      // Long enough for the first attempts to fail (0.5 s, then 1 s later).
      await new Promise((r) => setTimeout(r, 2000));
      expect(await listeners()).toEqual([]);
    } finally {
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await until(async () => (await listeners()).length === 1, 20_000);
    const id = randomUUID();
    await publish(id);
    await until(async () => (await row(id))?.published_at, 3000);
  }, 40_000);

  it('yields one job for a message relayed twice', async () => {
    const id = randomUUID();
    await publish(id);
    await publish(id);
    await until(async () => {
      const rows = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1 AND published_at IS NOT NULL`, [
        id,
      ]);
      return rows[0].n === 2;
    }, 3000);
    const jobs = await routing.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    expect(jobs.filter((j) => j.id === id)).toHaveLength(1);
  });
});
