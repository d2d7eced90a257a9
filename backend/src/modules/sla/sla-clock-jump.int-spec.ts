import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { runSeed } from '../../../../seed/src/run-seed';
import { APP_CONFIG, ConfigModule } from '../../engine/config/config.module';
import { DatabaseModule } from '../../engine/database/database.module';
import { QueueModule } from '../../engine/queue/queue.module';
import { RedisModule } from '../../engine/redis/redis.module';
import { shiftClock } from '../../testing/clock-shift';
import { createScratchDatabase, ScratchDatabase } from '../../testing/scratch-database';
import { TestRedisServer } from '../../testing/redis-server';
import { testConfig } from '../../testing/test-env';
import { IntakeModule } from '../intake/intake.module';
import { IntakeService } from '../intake/intake.service';
import { RoutingModule } from '../routing/routing.module';
import { RoutingService } from '../routing/routing.service';
import { SLA_STAGES } from './sla-stages';

const WORKER = join(__dirname, '../../../dist/backend/src/worker.js');
const PREFIX = '{hcmc1022test}';
const DAY = 86_400_000;

/**
 * The clock jump the fault suite relies on: a running worker process (its own Redis, a scratch
 * database) is moved 45 days forward through Redis, and its sweeper fires, by that time, every
 * stage of a ticket filed a moment before — none of which was due on the host's time.
 */
describe('a clock jump on a running worker (real PostgreSQL, its own Redis)', () => {
  let db: ScratchDatabase;
  let redis: TestRedisServer;
  let app: INestApplicationContext;
  let data: DataSource;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`build the backend first: ${WORKER} is missing`);
    [db, redis] = await Promise.all([createScratchDatabase({ migrate: true }), TestRedisServer.start()]);
    const pool = new Pool({ connectionString: db.url, max: 2 });
    await runSeed(pool, { demo: true, reports: 0, log: () => undefined });
    await pool.end();
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, QueueModule, IntakeModule, RoutingModule],
    })
      .overrideProvider(APP_CONFIG)
      .useValue(testConfig({ DATABASE_URL: db.url, REDIS_URL: redis.url, DATABASE_POOL_SIZE: '4', QUEUE_PREFIX: PREFIX }))
      .compile();
    app = await moduleRef.init();
    data = app.get(getDataSourceToken());
  }, 60000);

  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await app?.close();
    await redis?.stop();
    await db?.drop();
  });

  const fired = async (reportId: string): Promise<string[]> =>
    (await data.query(`SELECT kind || '/' || stage AS s FROM sla_stage_event WHERE report_id = $1 ORDER BY 1`, [reportId])).map(
      (r: { s: string }) => r.s,
    );

  it('fires every stage of a fresh ticket once its time has been moved past them, each once', async () => {
    const { result } = await app
      .get(IntakeService)
      .submit({ categoryCode: 'illegal-construction', lat: 10.7725, lng: 106.6981, description: 'Kiểm thử nhảy đồng hồ', channel: 'web' });
    await app.get(RoutingService).routeNew(result.id);
    worker = spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: PREFIX,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
      },
      stdio: 'ignore',
    });
    // The worker's first sweep runs as it starts: on the host's time nothing is due.
    await new Promise((r) => setTimeout(r, 4000));
    expect(worker.exitCode).toBeNull();
    expect(await fired(result.id)).toEqual([]);

    const client = new Redis(redis.url);
    await shiftClock(client, PREFIX, 45 * DAY);
    await client.quit();

    const all = ['response', 'resolution'].flatMap((kind) => SLA_STAGES.map((s) => `${kind}/${s.name}`)).sort();
    const deadline = Date.now() + 40000;
    let seen = await fired(result.id);
    while (seen.length < all.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      seen = await fired(result.id);
    }
    expect(seen).toEqual(all);
  }, 90000);
});
