// What the backend's jest tiers share: TypeScript through swc (with the decorator metadata Nest
// needs), the roots beside the code (backend, seed, migrations).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/../seed/src', '<rootDir>/../migrations'],
  transform: { '^.+\\.ts$': swc },
  testTimeout: 60000,
  // A leaked handle must not hang CI; the suites close what they open.
  forceExit: true,
};
