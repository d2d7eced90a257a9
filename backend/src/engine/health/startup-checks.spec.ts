import { evictionPolicyProblem, pendingMigrationsProblem, schemaDriftProblem } from './startup-checks';

describe('evictionPolicyProblem', () => {
  it.each([
    ['noeviction', false],
    [null, false], // Redis away at boot: not known, not refused
    ['allkeys-lru', true],
    ['volatile-lru', true],
    ['allkeys-lfu', true],
    ['volatile-ttl', true],
  ])('%s → refused: %s', (policy, refused) => {
    expect(evictionPolicyProblem(policy) !== null).toBe(refused);
  });
});

describe('pendingMigrationsProblem and schemaDriftProblem', () => {
  it.each([
    [pendingMigrationsProblem([]), null],
    [schemaDriftProblem([]), null],
    [pendingMigrationsProblem(['A1', 'B2']), { problem: '2 migration(s) not applied: A1, B2' }],
    [schemaDriftProblem(['CREATE INDEX "x" ON "t"  ("c")']), { problem: expect.stringContaining('CREATE INDEX "x" ON "t" ("c")') }],
  ])('%#', (problem, expected) => {
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatchObject({ setting: 'DATABASE_URL schema', ...expected });
  });
});
