import { Queue } from 'bullmq';
import { closeQueues, faultQueues, missingSchedules, timedSignIn } from '../testing/faults/recurring-jobs';
import { QueueName } from '../engine/queue/queue-name';
import { printFigures, tallyIntake } from '../testing/faults/intake-checks';
import { IntendedReport, percentile, runIntakeLoad, statusCounts } from '../testing/faults/intake-load';
import { FAULT_SCALE, FaultSystem, scaled, startFaultSystem } from '../testing/faults/fault-system';
import { waitFor } from '../testing/ports';
import { SENTINEL_NAME } from '../testing/faults/sentinel-group';

// Beyond one machine (docs/reliability.md): the API and the workers reach Redis through three
// sentinels (REDIS_SENTINELS, no REDIS_URL); the primary is killed under intake and routing and
// the replica promoted. Figures as in fault 1: nothing lost or doubled, every report assigned
// exactly once within 60 s of the failover, no 5xx but 503, no process exits, every recurring
// job on the new primary, sign-in answering promptly while the primary is gone. Then the dead
// machine returns as a replica and a planned switchover (SENTINEL FAILOVER) moves the primary
// back while the old one stays up: the same checks, READONLY replies included.

const BOUND_MS = 60_000;

describe(`Redis Sentinel: the primary killed under intake load (${FAULT_SCALE} scale)`, () => {
  let system: FaultSystem;
  let queues: Map<QueueName, Queue>;

  beforeAll(async () => {
    system = await startFaultSystem({ apis: 1, workers: 2, sentinel: true, env: { JOB_SCHEDULES_CHECK_MS: '5000' } });
    const sentinels = system.sentinel!.sentinelAddresses;
    queues = faultQueues({ sentinels, name: SENTINEL_NAME, maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    await closeQueues(queues);
    await system?.close();
  });

  it('loses, doubles and re-assigns nothing across a failover, and every recurring job is on the new primary', async () => {
    const group = system.sentinel!;
    const rate = scaled(20, 100);
    const abort = new AbortController();
    const record: IntendedReport[] = [];
    const load = runIntakeLoad({
      record,
      baseUrl: system.baseUrl,
      reports: 100_000,
      concurrency: 8,
      ratePerSecond: rate,
      retryShare: 0.2,
      signal: abort.signal,
    });
    const figures: Record<string, unknown> = { scale: FAULT_SCALE, 'reports a second': rate };
    // Acknowledged but not yet assigned, every 5 s: a worker that stopped routing after the
    // failover shows as a backlog that grows while the load is steady.
    const backlog: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await new Promise((r) => setTimeout(r, 5000));
        const acknowledged = record.filter((r) => r.id);
        const { assigned } = await tallyIntake(system.db, acknowledged).catch(() => ({ assigned: NaN }));
        backlog.push(acknowledged.length - assigned);
      }
    })();
    await waitFor('recurring jobs declared', async () => (await missingSchedules(queues)).length === 0, BOUND_MS, 250);

    // Intake and routing under way, then the primary's machine dies.
    await new Promise((r) => setTimeout(r, scaled(5000, 15_000)));
    const oldPrimary = await group.killPrimary();
    const promotion = group.untilPromoted(oldPrimary, 30_000);
    const signInsAway = [await timedSignIn(system.baseUrl), await timedSignIn(system.baseUrl)];
    figures['sign-in during the failover'] = signInsAway.map((s) => `${s.status} in ${s.ms} ms`).join(', ');
    const promoted = await promotion;
    figures['failover: kill to promotion (ms)'] = promoted.ms;

    // Every recurring job on the new primary: on the replica already, or declared again.
    figures['recurring jobs on the new primary (ms)'] = await waitFor(
      'recurring jobs on the new primary',
      async () => (await missingSchedules(queues).catch(() => ['?'])).length === 0,
      BOUND_MS,
      250,
    ).catch((err: Error) => err.message);

    // Everything acknowledged up to the promotion is routed within 60 s of it.
    const acknowledgedBefore = record.filter((r) => r.id);
    figures['acknowledged before the promotion'] = acknowledgedBefore.length;
    figures['all of them assigned after the promotion (ms)'] = await waitFor(
      'every report acknowledged before the promotion assigned',
      async () => (await tallyIntake(system.db, acknowledgedBefore)).assigned >= acknowledgedBefore.length,
      BOUND_MS,
      500,
    ).catch((err: Error) => err.message);

    // The dead machine returns (a replica now), then a planned switchover back to it: the old
    // primary stays up as a replica and answers READONLY to whoever still writes to it.
    figures['old primary back as a replica (ms)'] = await group.restartNode(oldPrimary);
    await new Promise((r) => setTimeout(r, scaled(3000, 10_000)));
    const switched = await group.switchover();
    const switchPromotion = group.untilPromoted(switched, 30_000);
    const signInsSwitch = [await timedSignIn(system.baseUrl), await timedSignIn(system.baseUrl)];
    figures['switchover: to promotion (ms)'] = (await switchPromotion).ms;
    figures['sign-in during the switchover'] = signInsSwitch.map((s) => `${s.status} in ${s.ms} ms`).join(', ');
    signInsAway.push(...signInsSwitch);
    const acknowledgedBeforeSwitch = record.filter((r) => r.id);
    figures['all assigned after the switchover (ms)'] = await waitFor(
      'every report acknowledged before the switchover assigned',
      async () => (await tallyIntake(system.db, acknowledgedBeforeSwitch)).assigned >= acknowledgedBeforeSwitch.length,
      BOUND_MS,
      500,
    ).catch((err: Error) => err.message);
    figures['recurring jobs after the switchover (ms)'] = await waitFor(
      'recurring jobs after the switchover',
      async () => (await missingSchedules(queues).catch(() => ['?'])).length === 0,
      BOUND_MS,
      250,
    ).catch((err: Error) => err.message);

    await new Promise((r) => setTimeout(r, scaled(10_000, 30_000)));
    abort.abort();
    const { intended, ms } = await load;
    sampling = false;
    await sampler;
    figures['acknowledged, not yet assigned (every 5 s)'] = backlog.join(' ');
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
      ...tally,
      'unexpected exits': system.unexpectedExits().length,
      'log lines naming READONLY': [...system.apis, ...system.workers].reduce((n, p) => n + p.count(/READONLY/), 0),
    });
    printFigures('beyond one machine: Redis Sentinel failover under intake', figures);

    for (const e of system.unexpectedExits()) process.stdout.write(`[fault] ${e.process} exited (${e.exit}):\n${e.tail.join('\n')}\n`);
    expect(system.unexpectedExits()).toEqual([]);
    expect(typeof figures['recurring jobs on the new primary (ms)']).toBe('number');
    expect(typeof figures['all of them assigned after the promotion (ms)']).toBe('number');
    expect(typeof figures['all assigned after the switchover (ms)']).toBe('number');
    expect(typeof figures['recurring jobs after the switchover (ms)']).toBe('number');
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
