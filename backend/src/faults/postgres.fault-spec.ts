import { clocksWithoutTimer, idleInTransaction, printFigures, tallyIntake } from '../testing/faults/intake-checks';
import { percentile, runIntakeLoad, statusCounts } from '../testing/faults/intake-load';
import { FAULT_SCALE, FaultSystem, scaled, startFaultSystem } from '../testing/faults/fault-system';
import { waitFor } from '../testing/ports';
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
    // More than one machine at full scale: two APIs and two workers on one database and one Redis.
    system = await startFaultSystem({ apis: scaled(1, 2), workers: scaled(1, 2) });
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
    )[0].n >= system.workers.length;

  it('says ready at 50 requests a second to /ready under intake load, before any fault', async () => {
    const abort = new AbortController();
    const load = runIntakeLoad({
      baseUrl: system.baseUrls,
      reports: 100_000,
      concurrency: 8,
      ratePerSecond: scaled(30, 100),
      retryShare: 0,
      signal: abort.signal,
    });
    const seconds = scaled(5, 20);
    const statuses: number[] = [];
    const latencies: number[] = [];
    // 50 a second, each on its own schedule (not one after another), as several monitors ask.
    await Promise.all(
      Array.from({ length: 50 * seconds }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * 20));
        const started = Date.now();
        const res = await fetch(`${system.baseUrl}/ready`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
        statuses.push(res?.status ?? 0);
        latencies.push(Date.now() - started);
      }),
    );
    abort.abort();
    const { intended } = await load;
    printFigures('fault 3: /ready at 50 requests a second under intake', {
      seconds,
      'ready answers': statuses.length,
      'not 200': statuses.filter((s) => s !== 200).length,
      'p99 of /ready (ms)': percentile(latencies, 99),
      'reports filed meanwhile': intended.length,
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('loses, doubles and re-assigns nothing, answers 503 with Retry-After while away, and both processes carry on', async () => {
    // Filing goes on through every fault and stops a few seconds after the last one.
    const rate = scaled(30, 100);
    const target = scaled(300, 3000);
    const progress = { begun: 0 };
    const abort = new AbortController();
    const load = runIntakeLoad({
      baseUrl: system.baseUrls,
      reports: 100_000,
      concurrency: scaled(8, 32),
      ratePerSecond: rate,
      retryShare: 0.2,
      signal: abort.signal,
      progress,
    });
    const figures: Record<string, unknown> = {
      scale: FAULT_SCALE,
      'APIs / workers': `${system.apis.length} / ${system.workers.length}`,
      'reports a second at most': rate,
    };

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
    await waitFor('the load reaching its count', () => progress.begun >= target, 600_000, 500);
    abort.abort();

    const { intended, ms } = await load;
    figures.reports = intended.length;
    figures['reports a second filed'] = Math.round((intended.length * 1000) / ms);
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
    const timers = await clocksWithoutTimer(
      system.db,
      system.redis,
      intended.flatMap((r) => (r.id ? [r.id] : [])),
    );
    Object.assign(figures, tally, {
      'running clocks': timers.clocks,
      'clocks without a timer': timers.missing,
      'idle in transaction': idle,
      'unexpected exits': system.unexpectedExits().length,
    });
    printFigures('fault 3: PostgreSQL restarts and outage under intake', figures);

    // What a 500 was, if there was one: the filter logs every 500 with its error.
    for (const p of [...system.apis, ...system.workers])
      for (const line of p.lines.filter((l) => /"level":50|ERROR/.test(l)).slice(0, 10))
        process.stdout.write(`[${p.name}] ${line.slice(0, 1500)}\n`);
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
    expect(intended.length).toBeGreaterThanOrEqual(target);
    expect(idle).toBe(0);
    expect(timers.clocks).toBeGreaterThan(0);
    expect(timers.missing).toBe(0);
  });

  it('answers a sign-in promptly while Redis is away (a decision or 503, never a hang)', async () => {
    await system.redis.kill();
    try {
      const answers: { status: number; ms: number }[] = [];
      for (const password of ['1022demo!', 'not-the-password']) {
        const started = Date.now();
        const res = await fetch(`${system.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'leader', password }),
          signal: AbortSignal.timeout(20_000),
        });
        answers.push({ status: res.status, ms: Date.now() - started });
      }
      printFigures('fault 3: sign-in with Redis away', { answers });
      for (const a of answers) {
        expect([200, 201, 401, 503]).toContain(a.status);
        expect(a.ms).toBeLessThan(3000);
      }
    } finally {
      await system.redis.restart();
    }
    await waitFor('ready again after Redis returns', () => system.ready(), 30_000, 200);
    expect(system.unexpectedExits()).toEqual([]);
  });
});
