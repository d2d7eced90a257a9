import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { runSeed } from '../../../seed/src/run-seed';
import { APP_CONFIG, ConfigModule } from '../engine/config/config.module';
import { DatabaseModule } from '../engine/database/database.module';
import { QueueModule } from '../engine/queue/queue.module';
import { RedisModule } from '../engine/redis/redis.module';
import { IntakeModule } from '../modules/intake/intake.module';
import { RoutingModule } from '../modules/routing/routing.module';
import { createScratchDatabase, ScratchDatabase } from './scratch-database';
import { TestRedisServer } from './redis-server';
import { TEST_QUEUE_PREFIX, testConfig } from './test-env';

/** The built worker entry point (`npm run test:int` builds it). */
export const WORKER_SCRIPT = join(__dirname, '../../dist/backend/src/worker.js');

/** Where worker processes of a test run: a database and a Redis no other suite shares. */
export interface WorkerStage {
  /** A scratch database, migrated, with the demo seed and no reports. */
  db: ScratchDatabase;
  redis: TestRedisServer;
  /** Intake and routing on that database and Redis, to file and route the tickets the workers handle. */
  app: INestApplicationContext;
  data: DataSource;
  /** Closes the application, stops Redis and drops the database (the test kills its workers first). */
  close(): Promise<void>;
}

export async function createWorkerStage(): Promise<WorkerStage> {
  if (!existsSync(WORKER_SCRIPT)) throw new Error(`build the backend first: ${WORKER_SCRIPT} is missing`);
  let db: ScratchDatabase | undefined;
  let redis: TestRedisServer | undefined;
  let app: INestApplicationContext | undefined;
  const close = async () => {
    await app?.close();
    await redis?.stop();
    await db?.drop();
  };
  try {
    [db, redis] = await Promise.all([createScratchDatabase({ migrate: true }), TestRedisServer.start()]);
    const pool = new Pool({ connectionString: db.url, max: 2 });
    await runSeed(pool, { demo: true, reports: 0, log: () => undefined });
    await pool.end();
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, RedisModule, QueueModule, IntakeModule, RoutingModule],
    })
      .overrideProvider(APP_CONFIG)
      .useValue(testConfig({ DATABASE_URL: db.url, REDIS_URL: redis.url, DATABASE_POOL_SIZE: '4' }))
      .compile();
    app = await moduleRef.init();
    return { db, redis, app, data: app.get(getDataSourceToken()), close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** A worker process on the stage, with the test run's queue prefix and `env` on top; its output is dropped. */
export function spawnWorker(stage: WorkerStage, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [WORKER_SCRIPT], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: stage.db.url,
      REDIS_URL: stage.redis.url,
      QUEUE_PREFIX: TEST_QUEUE_PREFIX,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...env,
    },
    stdio: 'ignore',
  });
}
