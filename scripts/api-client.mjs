// `npm run api:generate`: builds the backend, prints its OpenAPI document without a server or a
// database (backend/src/cli/openapi.cli.ts) and turns it into the frontend's API types,
// frontend/src/api/schema.d.ts. `npm run api:check` (`check`) fails when the checked-in file
// differs from a fresh generation, so the frontend never builds against a stale copy of the API.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { childEnv, log, PrepareError, ROOT, run } from './prepare.mjs';

const SCHEMA_FILE = join(ROOT, 'frontend', 'src', 'api', 'schema.d.ts');
const SCHEMA_NAME = 'frontend/src/api/schema.d.ts';

/** The text schema.d.ts should have for the backend as it is now. */
async function generateSchema() {
  log('building the backend to read its OpenAPI document');
  run(join(ROOT, 'node_modules', '.bin', 'nx'), ['run', '@hcmc-1022/backend:build', '--output-style=static'], { quiet: true });
  // The workspace's Node 24 (first on childEnv's PATH): NestJS 12 loads through require(esm).
  const json = run('node', [join(ROOT, 'backend', 'dist', 'backend', 'src', 'cli', 'openapi.cli.js')], { env: childEnv(), quiet: true });
  const ast = await openapiTS(JSON.parse(json), { alphabetize: true });
  return COMMENT_HEADER + astToString(ast);
}

/** Resolves true when the checked-in schema.d.ts matches the backend; says what to do when not. */
async function checkSchema() {
  const fresh = await generateSchema();
  let current = '';
  try {
    current = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // A missing file is as stale as a different one.
  }
  if (current === fresh) return true;
  console.error(`${SCHEMA_NAME} is not current: run npm run api:generate`);
  return false;
}

async function main(mode) {
  if (!['generate', 'check'].includes(mode)) throw new PrepareError(`unknown mode "${mode}": node scripts/api-client.mjs [generate|check]`);
  if (mode === 'check') {
    const ok = await checkSchema();
    if (ok) log(`${SCHEMA_NAME} is current`);
    process.exit(ok ? 0 : 1);
  }
  writeFileSync(SCHEMA_FILE, await generateSchema());
  log(`wrote ${SCHEMA_NAME}`);
}

main(process.argv[2] ?? 'generate').catch((err) => {
  console.error(err instanceof PrepareError ? err.message : err.stack);
  process.exit(1);
});
