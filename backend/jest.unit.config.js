// Unit tier: `*.spec.ts` beside the code. Plain code only: no PostgreSQL, Redis, network or
// child process, so it runs in seconds with every service stopped (`npm run test:unit`).
module.exports = {
  ...require('./jest.base'),
  displayName: 'unit',
  testMatch: ['**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/no-network.ts'],
};
