import { clockOffsetKey } from '../engine/clock/clock';
import { FAULT_PREFIX } from '../testing/faults/recurring-jobs';
import { SLA_STAGES } from '../modules/sla/sla-stages';
import { printFigures, tallyIntake } from '../testing/faults/intake-checks';
import { runIntakeLoad } from '../testing/faults/intake-load';
import { FAULT_SCALE, FaultSystem, scaled, startFaultSystem } from '../testing/faults/fault-system';
import { waitFor } from '../testing/ports';

// Fault 4 (docs/reliability.md): SLA clocks shrunk to seconds on hundreds of tickets, through
// worker SIGKILLs, a Redis restart and a FLUSHALL, then a forward jump of the workers' clock by
// hours: every stage fires exactly once, none early, none for a paused clock.

const SHORT_TARGET_MS = 20_000;
const LONG_TARGET_MS = 4 * 3600_000;
// Past the long clocks' last stage (escalation at 1.5 × target).
const JUMP_MS = 7 * 3600_000;
const STAGES_PER_CLOCK = SLA_STAGES.length;
const KINDS = 2; // response and resolution
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`SLA stages through worker kills, Redis loss and a clock jump (${FAULT_SCALE} scale)`, () => {
  let system: FaultSystem;

  beforeAll(async () => {
    system = await startFaultSystem({ apis: 1, workers: 2 });
  });
  afterAll(async () => {
    await system?.close();
  });

  it('fires every stage exactly once, none early, none while paused', async () => {
    const tickets = scaled(120, 600);
    const { intended } = await runIntakeLoad({ baseUrl: system.baseUrl, reports: tickets, concurrency: 8, retryShare: 0 });
    await waitFor('every ticket assigned', async () => (await tallyIntake(system.db, intended)).assigned >= tickets, 120_000, 500);
    const ids = intended.map((r) => r.id!);
    // A fifth paused from the start, two fifths due in seconds, two fifths only after the jump.
    const paused = ids.filter((_, i) => i % 5 === 0);
    const short = ids.filter((_, i) => i % 5 === 1 || i % 5 === 2);
    const long = ids.filter((_, i) => i % 5 === 3 || i % 5 === 4);

    const start = new Date();
    const shrink = (group: string[], targetMs: number) =>
      system.db.query(
        `UPDATE sla_clock SET mode = 'calendar', target_ms = $2, transitions = $3, state = 'running',
                due_at = $4, next_stage = 'warn50', next_stage_at = $5 WHERE report_id = ANY($1::uuid[])`,
        [
          group,
          targetMs,
          JSON.stringify([{ type: 'start', at: start.toISOString() }]),
          new Date(start.getTime() + targetMs),
          new Date(start.getTime() + targetMs / 2),
        ],
      );
    await shrink(short, SHORT_TARGET_MS);
    await shrink(long, LONG_TARGET_MS);
    await system.db.query(
      `UPDATE sla_clock SET mode = 'calendar', target_ms = $2, transitions = $3, state = 'paused',
              due_at = NULL, next_stage = NULL, next_stage_at = NULL WHERE report_id = ANY($1::uuid[])`,
      [
        paused,
        SHORT_TARGET_MS,
        JSON.stringify([
          { type: 'start', at: start.toISOString() },
          { type: 'pause', at: start.toISOString() },
        ]),
      ],
    );
    // Tell the workers as a change of a clock does (outbox → schedule-timers).
    await system.db.query(`INSERT INTO outbox (topic, aggregate_id) SELECT 'sla.changed', unnest($1::text[])`, [[...short, ...long]]);

    // Faults while the short clocks run their stages.
    const [w1, w2] = system.workers;
    await sleep(3000);
    await w1.stop('SIGKILL');
    w1.start();
    await sleep(3000);
    await system.redis.kill();
    await sleep(2000);
    await system.redis.restart();
    await sleep(4000);
    await system.redis.flushAll();
    await sleep(3000);
    await w2.stop('SIGKILL');
    w2.start();

    const firedCount = async (group: string[]) =>
      (await system.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sla_stage_event WHERE report_id = ANY($1::uuid[])`, [group]))[0]
        .n;
    const figures: Record<string, unknown> = {
      scale: FAULT_SCALE,
      tickets,
      'short clocks': short.length,
      'long clocks': long.length,
      paused: paused.length,
    };
    figures['short clocks all fired after start (ms)'] = await waitFor(
      'every stage of the short clocks',
      async () => (await firedCount(short)) >= short.length * KINDS * STAGES_PER_CLOCK,
      120_000,
      500,
    )
      .then(() => Date.now() - start.getTime())
      .catch((err: Error) => err.message);
    expect(await firedCount(long)).toBe(0);

    // The injected clock of every running process moves forward by hours.
    const jumpedAt = new Date();
    await system.redis.command(['SET', clockOffsetKey(FAULT_PREFIX), String(JUMP_MS)]);
    figures['long clocks all fired after the jump (ms)'] = await waitFor(
      'every stage of the long clocks',
      async () => (await firedCount(long)) >= long.length * KINDS * STAGES_PER_CLOCK,
      120_000,
      500,
    ).catch((err: Error) => err.message);
    await sleep(3000); // a second firing, if there were one, would land meanwhile

    const [counts] = await system.db.query<{
      events: number;
      doubled: number;
      early: number;
      pausedFired: number;
      timelineDoubled: number;
    }>(
      `SELECT (SELECT count(*) FROM sla_stage_event WHERE report_id = ANY($1::uuid[]))::int AS events,
              (SELECT count(*) FROM (SELECT 1 FROM sla_stage_event WHERE report_id = ANY($1::uuid[])
                                      GROUP BY report_id, kind, stage HAVING count(*) > 1) d)::int AS doubled,
              -- Early on the firing process's own clock: real time before the jump, real time + jump after it.
              (SELECT count(*) FROM sla_stage_event WHERE report_id = ANY($1::uuid[])
                  AND due_at > fired_at + CASE WHEN fired_at >= $3 THEN $4 * interval '1 millisecond' ELSE interval '0' END)::int AS early,
              (SELECT count(*) FROM sla_stage_event WHERE report_id = ANY($2::uuid[]))::int AS "pausedFired",
              (SELECT count(*) FROM (SELECT 1 FROM report_event WHERE type LIKE 'sla_%' AND report_id = ANY($1::uuid[])
                                      GROUP BY report_id, type, data HAVING count(*) > 1) d)::int AS "timelineDoubled"`,
      [[...short, ...long], paused, jumpedAt, JUMP_MS],
    );
    Object.assign(figures, counts, {
      expected: (short.length + long.length) * KINDS * STAGES_PER_CLOCK,
      'unexpected exits': system.unexpectedExits().length,
    });
    printFigures('fault 4: SLA stages through worker kills, Redis restart and flush, clock jump', figures);

    for (const e of system.unexpectedExits()) process.stdout.write(`[fault] ${e.process} exited (${e.exit}):\n${e.tail.join('\n')}\n`);
    expect(system.unexpectedExits()).toEqual([]);
    expect(typeof figures['short clocks all fired after start (ms)']).toBe('number');
    expect(typeof figures['long clocks all fired after the jump (ms)']).toBe('number');
    expect(counts).toEqual({ events: figures.expected, doubled: 0, early: 0, pausedFired: 0, timelineDoubled: 0 });
  });
});
