// Fault tier: `src/faults/*.fault-spec.ts`, each on its own PostgreSQL cluster and Redis (temp
// dirs, free ports) with the built API and worker processes (backend/dist). One at a time: they
// measure recovery, and two would share the machine's two cores. `npm run test:faults` runs the
// full scale; `npm test` the short one (FAULTS_SCALE=short). Every wait inside is bounded.
module.exports = {
  ...require('./jest.base'),
  displayName: 'faults',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.fault-spec.ts'],
  testTimeout: 20 * 60_000,
  maxWorkers: 1,
};
