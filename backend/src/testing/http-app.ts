import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../engine/http/http-app';
import { setEnv } from './process-env';
import { TestRedisServer } from './redis-server';

/**
 * The real API application in-process (real PostgreSQL and Redis from the test environment),
 * driven through Fastify's inject: the whole HTTP stack without a port.
 */
export async function createTestHttpApp(): Promise<NestFastifyApplication> {
  const app = await createHttpApp({ logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** The application of createTestHttpApp and its database connection, for suites that look at the rows it wrote. */
export async function createTestHttpAppWithDb(): Promise<{ app: NestFastifyApplication; db: DataSource }> {
  const app = await createTestHttpApp();
  return { app, db: app.get(getDataSourceToken()) };
}

/** Two applications standing for two API processes that share PostgreSQL and Redis; `db` is the first one's connection. */
export async function createTwoTestHttpApps(): Promise<{ a: NestFastifyApplication; b: NestFastifyApplication; db: DataSource }> {
  const [a, b] = await Promise.all([createTestHttpApp(), createTestHttpApp()]);
  return { a, b, db: a.get(getDataSourceToken()) };
}

export interface OwnRedisHttpApp {
  app: NestFastifyApplication;
  /** The application's private Redis: the test may kill, pause or restart it. */
  redis: TestRedisServer;
  /** Puts the environment back, brings Redis back for the application to close, then stops it. */
  close(): Promise<void>;
}

/**
 * The real API application in-process on a Redis of its own (never the shared one), for tests
 * that take Redis away; `settings` are set in the environment with REDIS_URL while it boots.
 */
export async function createTestHttpAppOnOwnRedis(settings: Record<string, string> = {}): Promise<OwnRedisHttpApp> {
  const redis = await TestRedisServer.start();
  const restoreEnv = setEnv({ ...settings, REDIS_URL: redis.url });
  let app: NestFastifyApplication | undefined;
  const close = async () => {
    restoreEnv();
    if (!redis.running) await redis.restart();
    await app?.close();
    await redis.stop();
  };
  try {
    app = await createTestHttpApp();
  } catch (err) {
    await close();
    throw err;
  }
  return { app, redis, close };
}
