import { createTestHttpApp } from '../../testing/http-app';
import { buildOpenApiDocument } from './openapi-document';
import { forSuite } from '../../testing/for-suite';

/**
 * The frontend's client is generated from the document built without a server
 * (`npm run api:generate`): it must be the very document the running API serves.
 */
describe('OpenAPI document (in-process HTTP, real PostgreSQL and Redis)', () => {
  const app = forSuite(createTestHttpApp, (opened) => opened.close());

  it('is the same built offline as served at /api/docs-json', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/docs-json' });
    expect(res.statusCode).toBe(200);
    const served = res.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(served.paths)).toContain('/api/v1/reports/{id}');
    expect(await buildOpenApiDocument()).toEqual(served);
  });
});
