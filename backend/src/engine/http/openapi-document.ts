import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../../app.module';

/**
 * The OpenAPI document of the API: served at /api/docs by the API process and written by
 * `npm run api:generate` (cli/openapi.cli.ts), from which the frontend's typed client is generated.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('1022 — Tổng đài tiếp nhận phản ánh, kiến nghị TP.HCM')
      .setDescription(
        'Citizen feedback and complaint system of Ho Chi Minh City. REST under /api/v1; Open311 GeoReport v2 under /open311/v2.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}

/**
 * The same document without a running API: preview mode reads the modules' routes and DTOs
 * without creating a provider, so no database, Redis or setting is needed.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { preview: true, logger: false });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
