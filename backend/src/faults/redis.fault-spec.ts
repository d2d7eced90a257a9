import { Queue } from 'bullmq';
import { closeQueues, faultQueues, missingSchedules, timedSignIn } from '../testing/faults/recurring-jobs';
import { QueueName } from '../engine/queue/queue-name';
import { printFigures, tallyIntake } from '../testing/faults/intake-checks';
import { percentile, runIntakeLoad, statusCounts } from '../testing/faults/intake-load';
import { FAULT_SCALE, FaultSystem, scaled, startFaultSystem } from '../testing/faults/fault-system';
import { waitFor } from '../testing/ports';

// Fault 1 (docs/reliability.md): intake under a Redis kill and under a FLUSHALL, 20 % of the
// reports sent again with the same Idempotency-Key. Nothing lost or doubled, every report
// assigned exactly once within 60 s of Redis returning, no 5xx but 503; every recurring job back
// within 60 s; sign-in answers while Redis is away. Fault 5: a Redis that may evict is refused.

const BOUND_MS = 60_000;
const REDIS_AWAY_MS = 5_000;

describe(`Redis killed and flushed under intake load (${FAULT_SCALE} scale)`, () => {
  let system: FaultSystem;
  let queues: Map<QueueName, Queue>;

  beforeAll(async () => {
    // Two of each: the faults must hold for more than one machine.
    system = await startFaultSystem({ apis: 1, workers: 2, env: { JOB_SCHEDULES_CHECK_MS: '5000' } });
    queues = faultQueues({ url: system.redis.url, maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    await closeQueues(queues);
    await system?.close();
  });

  it('loses, doubles and re-assigns nothing, and every recurring job comes back', async () => {
    // Filing goes on through both faults and stops a while after the last one.
    const rate = scaled(20, 100);
    const abort = new AbortController();
    const load = runIntakeLoad({
      baseUrl: system.baseUrl,
      reports: 100_000,
      concurrency: 8,
      ratePerSecond: rate,
      retryShare: 0.2,
      signal: abort.signal,
    });
    const figures: Record<string, unknown> = { scale: FAULT_SCALE, 'reports a second': rate };
    await waitFor('recurring jobs declared', async () => (await missingSchedules(queues)).length === 0, BOUND_MS, 250);

    // A kill: Redis gone for a few seconds, back empty (no persistence).
    await new Promise((r) => setTimeout(r, scaled(3000, 10_000)));
    await system.redis.kill();
    const signInsAway = [await timedSignIn(system.baseUrl), await timedSignIn(system.baseUrl)];
    await new Promise((r) => setTimeout(r, REDIS_AWAY_MS));
    await system.redis.restart();
    figures['recurring jobs back after kill (ms)'] = await waitFor(
      'recurring jobs back after the kill',
      async () => (await missingSchedules(queues).catch(() => ['?'])).length === 0,
      BOUND_MS,
      250,
    ).catch((err: Error) => err.message);

    // A FLUSHALL: Redis keeps running, every key gone.
    await new Promise((r) => setTimeout(r, scaled(3000, 10_000)));
    await system.redis.flushAll();
    figures['recurring jobs back after FLUSHALL (ms)'] = await waitFor(
      'recurring jobs back after FLUSHALL',
      async () => (await missingSchedules(queues)).length === 0,
      BOUND_MS,
      250,
    ).catch((err: Error) => err.message);

    await new Promise((r) => setTimeout(r, scaled(10_000, 20_000)));
    abort.abort();
    const { intended, ms } = await load;
    const acknowledged = intended.filter((r) => r.id).length;
    figures['all assigned after the load (ms)'] = await waitFor(
      'every acknowledged report assigned',
      async () => (await tallyIntake(system.db, intended)).assigned >= acknowledged,
      BOUND_MS,
      500,
    ).catch((err: Error) => err.message);
    const tally = await tallyIntake(system.db, intended);
    Object.assign(figures, {
      reports: intended.length,
      'load duration (ms)': ms,
      'answers by status': statusCounts(intended),
      'p99 of 201 (ms)': percentile(
        intended.flatMap((r) => r.attempts.filter((a) => a.status === 201).map((a) => a.ms)),
        99,
      ),
      'sign-in while Redis away': signInsAway.map((s) => `${s.status} in ${s.ms} ms`).join(', '),
      ...tally,
      'unexpected exits': system.unexpectedExits().length,
    });
    printFigures('fault 1: Redis killed and flushed under intake', figures);

    for (const e of system.unexpectedExits()) process.stdout.write(`[fault] ${e.process} exited (${e.exit}):\n${e.tail.join('\n')}\n`);
    expect(system.unexpectedExits()).toEqual([]);
    expect(typeof figures['recurring jobs back after kill (ms)']).toBe('number');
    expect(typeof figures['recurring jobs back after FLUSHALL (ms)']).toBe('number');
    expect(typeof figures['all assigned after the load (ms)']).toBe('number');
    expect(Object.keys(statusCounts(intended)).filter((s) => !['201', '503'].includes(s))).toEqual([]);
    expect(tally).toMatchObject({ lost: 0, doubled: 0, assignedTwice: 0, withoutClock: 0 });
    expect(tally.acknowledged).toBe(intended.length);
    expect(intended.length).toBeGreaterThanOrEqual(scaled(300, 3000));
    // A decision (or 503), each well before a client gives up: never the wait for Redis.
    for (const s of signInsAway) expect([200, 503]).toContain(s.status);
    for (const s of signInsAway) expect(s.ms).toBeLessThan(10_000);
  });
});

describe('startup with a Redis that may evict (fault 5)', () => {
  it('refuses to start, naming maxmemory-policy and the fix', async () => {
    const started = startFaultSystem({ redisArgs: ['--maxmemory-policy', 'allkeys-lru'] });
    await expect(started).rejects.toThrow(/maxmemory-policy: is "allkeys-lru"[\s\S]*fix: set maxmemory-policy noeviction/);
  });
});
