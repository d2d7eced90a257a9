import 'reflect-metadata';
import { buildOpenApiDocument } from '../engine/http/openapi-document';

// Prints the API's OpenAPI document as JSON, for `npm run api:generate` (scripts/api-client.mjs).
async function main(): Promise<void> {
  process.stdout.write(`${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`);
}

main().catch((err) => {
  console.error(`openapi failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
