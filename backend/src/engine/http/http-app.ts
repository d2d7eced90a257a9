import fastifyStatic from '@fastify/static';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger, PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../app.module';
import { AppConfig, loadConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { registerAccessLog } from '../logging/access-log.hook';
import { registerSecurityHeaders } from './security-headers';
import { applyRouteBodyLimits } from './body-limit.decorator';
import { createOpenApiDocument } from './openapi-document';

// Paths that are never the single-page app: an unknown one is a JSON 404, a missing asset a 404.
const NOT_SPA = ['/api/', '/open311/', '/health', '/ready', '/metrics', '/assets/'];

/** Builds the API application (used by main.ts and by the HTTP integration tests). */
export async function createHttpApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({
      trustProxy: config.http.trustProxy,
      bodyLimit: 1024 * 1024,
      routerOptions: { ignoreTrailingSlash: true },
      // Unique across API processes, so one id finds a request in the merged logs.
      genReqId: () => randomUUID(),
    }),
    { bufferLogs: true },
  );
  applyRouteBodyLimits(app.getHttpAdapter().getInstance());
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.enableShutdownHooks();
  // Only the configured origins; never a reflected Origin, never "null" (a sandboxed frame's).
  app.enableCors({ origin: config.surface.corsOrigins, credentials: false });
  await registerSecurityHeaders(app, config);

  const metrics = app.get(MetricsService);
  const fastify = app.getHttpAdapter().getInstance();
  // A silenced application (createTestHttpApp) writes no access lines either; the ids stay.
  registerAccessLog(fastify, () => (options.logger === false ? null : PinoLogger.root));
  fastify.addHook('onResponse', async (req, reply) => {
    metrics.observeRequest(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  // The OpenAPI page maps every route: on in development, in production only when API_DOCS says so.
  if (config.surface.apiDocs) setupOpenApi(app);
  await serveWeb(app, config);
  return app;
}

function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** The built frontend on the same port as the API, with the SPA's client-side routes falling back to index.html. */
async function serveWeb(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const webDir = resolve(config.webDir || join(__dirname, '../../../../../frontend/dist'));
  if (!existsSync(join(webDir, 'index.html'))) return;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'], maxAge: '1h' });
  fastify.get('/*', (req, reply) => {
    if (NOT_SPA.some((p) => req.url.startsWith(p))) {
      return reply.code(404).send({ statusCode: 404, code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
