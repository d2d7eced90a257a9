import { QueueName } from '../../engine/queue/queue-name';
import { isStage, timerJobId } from '../../modules/sla/sla-stages';
import { TestRedisServer } from '../redis-server';
import { IntendedReport } from './intake-load';
import { TestPostgresCluster } from './postgres-cluster';

/** What the database holds of a load run's reports, against what the clients were told. */
export interface IntakeTally {
  intended: number;
  /** Answered 201 (or replayed) at least once. */
  acknowledged: number;
  /** Acknowledged but not in the database. */
  lost: number;
  /** One intended report stored more than once, or answered with two ids. */
  doubled: number;
  /** Stored but never acknowledged (the client gave up): not lost, not doubled, worth a look. */
  storedUnacknowledged: number;
  assigned: number;
  /** Reports with more than one `assigned` event. */
  assignedTwice: number;
  /** Assigned reports with no running SLA clock. */
  withoutClock: number;
}

/** Compares the clients' answers with the rows (descriptions are unique per intended report). */
export async function tallyIntake(db: TestPostgresCluster, intended: IntendedReport[]): Promise<IntakeTally> {
  const rows = await db.query<{ description: string; ids: string[]; assigned: number; events: number; clocks: number }>(
    `SELECT r.description, array_agg(r.id::text) AS ids,
            count(*) FILTER (WHERE r.assigned_unit_id IS NOT NULL)::int AS assigned,
            max((SELECT count(*) FROM report_event e WHERE e.report_id = r.id AND e.type = 'assigned'))::int AS events,
            max((SELECT count(*) FROM sla_clock c WHERE c.report_id = r.id))::int AS clocks
       FROM report r WHERE r.description = ANY($1::text[]) GROUP BY r.description`,
    [intended.map((r) => r.description)],
  );
  const byDescription = new Map(rows.map((r) => [r.description, r]));
  const tally: IntakeTally = {
    intended: intended.length,
    acknowledged: 0,
    lost: 0,
    doubled: 0,
    storedUnacknowledged: 0,
    assigned: 0,
    assignedTwice: 0,
    withoutClock: 0,
  };
  for (const r of intended) {
    const stored = byDescription.get(r.description);
    if (r.id) tally.acknowledged++;
    if (r.id && (!stored || !stored.ids.includes(r.id))) tally.lost++;
    if ((stored && stored.ids.length > 1) || r.ids.size > 1) tally.doubled++;
    if (!r.id && stored) tally.storedUnacknowledged++;
    if (stored && stored.assigned > 0) {
      tally.assigned++;
      if (stored.events > 1) tally.assignedTwice++;
      if (stored.clocks === 0) tally.withoutClock++;
    }
  }
  return tally;
}

/**
 * Running SLA clocks of these reports whose next stage has no timer job in Redis (the fault
 * system's queue prefix): a stage that would fire only when the sweeper noticed it.
 */
export async function clocksWithoutTimer(db: TestPostgresCluster, redis: TestRedisServer, reportIds: string[], prefix = '{hcmc1022fault}') {
  const clocks = await db.query<{ id: string; next_stage: string }>(
    `SELECT id::text, next_stage FROM sla_clock WHERE state = 'running' AND next_stage IS NOT NULL AND report_id = ANY($1::uuid[])`,
    [reportIds],
  );
  let missing = 0;
  for (const c of clocks) {
    if (!isStage(c.next_stage)) continue;
    const key = `${prefix}:${QueueName.Sla}:${timerJobId(c.id, c.next_stage)}`;
    if (Number(await redis.command(['EXISTS', key])) === 0) missing++;
  }
  return { clocks: clocks.length, missing };
}

/** Sessions left inside a transaction with nothing running (a connection a failure left open). */
export async function idleInTransaction(db: TestPostgresCluster): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()
        AND now() - state_change > interval '2 seconds'`,
  );
  return row.n;
}

/** Prints a fault run's figures as one block, so a run's log shows them (docs/reliability.md collects them). */
export function printFigures(title: string, figures: Record<string, unknown>): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(width)}  ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  process.stdout.write(`\n[fault] ${title}\n${lines.join('\n')}\n`);
}
