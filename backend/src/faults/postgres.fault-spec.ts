import { idleInTransaction, printFigures, tallyIntake } from '../testing/faults/intake-checks';
import { percentile, runIntakeLoad, statusCounts } from '../testing/faults/intake-load';
import { FAULT_SCALE, FaultSystem, scaled, startFaultSystem } from '../testing/faults/fault-system';
import { waitFor } from '../testing/faults/ports';
import { StopMode } from '../testing/faults/postgres-cluster';
import { BEN_THANH } from '../testing/places';

// Fault 3 (docs/reliability.md): PostgreSQL restarted fast and immediate, and stopped for 10 s,
// under intake load. Neither process exits; the API answers 503 with Retry-After (never 500)
// while the database is away and 201 again within 5 s of its return; the worker resumes
// relaying (LISTEN again) and routing by itself; nothing is left idle in transaction.

const OUTAGE_MS = 10_000;
const BACK_WITHIN_MS = 5_000;

describe(`PostgreSQL restarts and a 10 s outage under intake load (${FAULT_SCALE} scale)`, () => {
  let system: FaultSystem;

  beforeAll(async () => {
    system = await startFaultSystem();
  });
  afterAll(async () => {
    await system?.close();
  });

  /** One report filed now, once: its status, Retry-After and time. */
  const fileOnce = async () => {
    const started = Date.now();
    const res = await fetch(`${system.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ category: 'pothole', ...BEN_THANH, description: `Ổ gà thăm dò ${crypto.randomUUID()}` }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json()) as { code?: string };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.code, ms: Date.now() - started };
  };

  const readyState = async () => {
    const res = await fetch(`${system.baseUrl}/ready`, { signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: (await res.json()) as { checks: { database: { status: string } } } };
  };

  /** Time from the database's return to the first 201. */
  const untilFiled = () =>
    waitFor(
      'a 201 after the database came back',
      async () => (await fileOnce().catch(() => ({ status: 0 }))).status === 201,
      BACK_WITHIN_MS,
      50,
    );

  const listening = async () =>
    (
      await system.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'hcmc1022-outbox' AND query ILIKE 'LISTEN%'`,
      )
    )[0].n > 0;

  it('loses, doubles and re-assigns nothing, answers 503 with Retry-After while away, and both processes carry on', async () => {
    // Filing goes on through every fault and stops a few seconds after the last one.
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

    // Each fault a while into the load, so requests and jobs are in flight when it strikes.
    const restart = async (mode: StopMode) => {
      await new Promise((r) => setTimeout(r, scaled(1500, 5000)));
      await system.db.restart(mode);
      figures[`first 201 after ${mode} restart (ms)`] = await untilFiled();
    };
    await restart('fast');
    await restart('immediate');

    await new Promise((r) => setTimeout(r, scaled(1500, 5000)));
    await system.db.stop('fast');
    const away = Date.now();
    const duringOutage: { status: number; retryAfter: string | null; code?: string; ms: number }[] = [];
    const readyDuring: number[] = [];
    while (Date.now() - away < OUTAGE_MS) {
      duringOutage.push(await fileOnce());
      readyDuring.push((await readyState()).status);
      await new Promise((r) => setTimeout(r, 500));
    }
    await system.db.start();
    figures['first 201 after 10 s outage (ms)'] = await untilFiled();
    figures['answers while away'] = duringOutage.map((a) => a.status).join(',');
    figures['slowest answer while away (ms)'] = Math.max(...duringOutage.map((a) => a.ms));
    await new Promise((r) => setTimeout(r, scaled(3000, 10_000)));
    abort.abort();

    const { intended, ms } = await load;
    figures.reports = intended.length;
    figures['load duration (ms)'] = ms;
    figures['answers by status'] = statusCounts(intended);
    figures['p99 of 201 (ms)'] = percentile(
      intended.flatMap((r) => r.attempts.filter((a) => a.status === 201).map((a) => a.ms)),
      99,
    );

    // The worker relays and routes again by itself: every acknowledged report is assigned.
    // (Failures of these waits are figures too: the block below prints them before asserting.)
    const acknowledged = intended.filter((r) => r.id).length;
    figures['all assigned after load (ms)'] = await waitFor(
      'every acknowledged report assigned',
      async () => (await tallyIntake(system.db, intended)).assigned >= acknowledged,
      60_000,
      500,
    ).catch((err: Error) => err.message);
    figures['LISTEN again after (ms)'] = await waitFor('the relay listening again', listening, 30_000, 200).catch(
      (err: Error) => err.message,
    );
    const tally = await tallyIntake(system.db, intended);
    const idle = await idleInTransaction(system.db);
    Object.assign(figures, tally, { 'idle in transaction': idle, 'unexpected exits': system.unexpectedExits().length });
    printFigures('fault 3: PostgreSQL restarts and outage under intake', figures);

    for (const e of system.unexpectedExits()) process.stdout.write(`[fault] ${e.process} exited (${e.exit}):\n${e.tail.join('\n')}\n`);
    expect(system.unexpectedExits()).toEqual([]);
    expect(typeof figures['all assigned after load (ms)']).toBe('number');
    expect(typeof figures['LISTEN again after (ms)']).toBe('number');
    expect(duringOutage.length).toBeGreaterThan(0);
    for (const a of duringOutage)
      expect({ status: a.status, retryAfter: a.retryAfter !== null }).toEqual({ status: 503, retryAfter: true });
    expect(readyDuring.every((s) => s === 503)).toBe(true);
    expect(Object.keys(statusCounts(intended)).filter((s) => !['201', '503'].includes(s))).toEqual([]);
    expect(tally).toMatchObject({ lost: 0, doubled: 0, assignedTwice: 0, withoutClock: 0 });
    expect(tally.acknowledged).toBe(intended.length);
    expect(intended.length).toBeGreaterThanOrEqual(scaled(250, 3000));
    expect(idle).toBe(0);
  });
});
