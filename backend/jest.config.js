// Unit specs beside the code, integration specs against the real PostgreSQL/PostGIS and Redis
// that `npm test` prepares (TEST_DATABASE_URL, TEST_REDIS_URL).
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
  },
  module: { type: 'commonjs' },
}];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/../seed/src', '<rootDir>/../migrations'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  testTimeout: 60000,
  // A leaked handle must not hang CI; the suites close what they open.
  forceExit: true,
};
