// Black-box tests against the running system (E2E_BASE_URL): HTTP API and Debian Chromium.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['<rootDir>/api/**/*.e2e.spec.ts', '<rootDir>/browser/**/*.e2e.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } }],
  },
  testTimeout: 120000,
  forceExit: true,
};
