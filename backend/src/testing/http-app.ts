import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../engine/http/http-app';

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
