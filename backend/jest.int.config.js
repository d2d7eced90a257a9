// Integration tier: `*.int-spec.ts` beside the code, against the real PostgreSQL/PostGIS and Redis
// that `npm test` / `npm run test:int` prepare (TEST_DATABASE_URL, TEST_REDIS_URL); HTTP in-process.
module.exports = {
  ...require('./jest.base'),
  displayName: 'int',
  testMatch: ['**/*.int-spec.ts'],
};
