import { ClientBase, Pool } from 'pg';
import { insertBatch } from './report-generator.batch';
import { dropSessionTables, prepareSession } from './report-generator.session';

export interface GenerateReportsOptions {
  /** The clock: reports fall in the year before it and their status is what they reached by then. */
  now?: Date;
  /** Sessions working in parallel when given a Pool; 2 matches the 2-core reference machine. */
  concurrency?: number;
  /** Reports per statement; bounds the temp table and the transaction. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface GenerateReportsResult {
  reports: number;
  events: number;
  /** Distinct locations the reports were drawn from. */
  points: number;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Locations in the sampling pool. Interior points are jittered by metres on every reuse, so a
 * million reports need no more than 150k of them; building the pool costs ~20 µs a point.
 */
export function poolSizeFor(n: number): number {
  return Math.min(150_000, Math.max(20_000, Math.round(n / 6)));
}

/**
 * Adds `n` demo reports with their timelines, generated inside PostgreSQL (INSERT … SELECT over
 * generate_series, batch by batch): a million reports with their timelines load in about 80 s
 * on the 2-core reference machine.
 *
 * Given a Pool, up to `concurrency` sessions insert batches in their own transactions and the
 * tables are analysed afterwards. Given a client, everything runs in that session, inside the
 * caller's transaction if one is open (tests roll it back: report_event is append-only).
 */
export async function generateReports(
  db: Pool | ClientBase,
  n: number,
  options: GenerateReportsOptions = {},
): Promise<GenerateReportsResult> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`report count must be a non-negative integer, got ${n}`);
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 50_000;
  const poolSize = poolSizeFor(n);
  const reporters = Math.max(50, Math.round(n * 0.35));
  const totals: GenerateReportsResult = { reports: 0, events: 0, points: 0 };
  if (n === 0) return totals;

  let inFlight = 0;
  const claim = () => {
    const size = Math.min(batchSize, n - totals.reports - inFlight);
    inFlight += Math.max(size, 0);
    return size;
  };

  const work = async (client: ClientBase, ownTransactions: boolean) => {
    const session = await prepareSession(client, { now, poolSize });
    totals.points = Math.max(totals.points, session.points);
    try {
      for (let size = claim(); size > 0; size = claim()) {
        const params = { candidates: size, poolSize: session.points, now, reporters, operatorId: session.operatorId };
        let done: { reports: number; events: number };
        if (ownTransactions) {
          done = await insertInTransaction(client, params);
        } else {
          done = await insertBatch(client, params);
        }
        inFlight -= size;
        // Without categories or ward polygons a batch draws nothing; stop instead of looping.
        if (done.reports === 0) throw new Error('no report could be generated: seed the reference data (units, categories) first');
        totals.reports += done.reports;
        totals.events += done.events;
        options.log?.(`  ${totals.reports.toLocaleString('en-US')} / ${n.toLocaleString('en-US')} reports`);
      }
    } finally {
      await dropSessionTables(client);
      await client.query('RESET work_mem');
    }
  };

  if (db instanceof Pool) {
    const sessions = Math.max(1, Math.min(options.concurrency ?? 2, Math.ceil(n / batchSize)));
    const clients = await Promise.all(Array.from({ length: sessions }, () => db.connect()));
    try {
      // allSettled: a failing session must not release its sibling's client while it still works.
      const outcomes = await Promise.allSettled(clients.map((c) => work(c, true)));
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failed) throw failed.reason;
      // The planner must see the new volume before the dashboards query it.
      await clients[0].query('ANALYZE report; ANALYZE report_event');
    } finally {
      clients.forEach((c) => c.release());
    }
  } else {
    await work(db, false);
  }
  return totals;
}

/**
 * A concurrent session may commit a code this batch also drew (1 in ~10^9 per pair of reports
 * of the same day); the unique index refuses it and the batch is simply drawn again.
 */
async function insertInTransaction(
  client: ClientBase,
  params: Parameters<typeof insertBatch>[1],
): Promise<{ reports: number; events: number }> {
  for (let attempt = 1; ; attempt++) {
    await client.query('BEGIN');
    try {
      // A lost demo batch after a crash costs nothing; waiting for each WAL flush does.
      await client.query('SET LOCAL synchronous_commit = off');
      const done = await insertBatch(client, params);
      await client.query('COMMIT');
      return done;
    } catch (err) {
      await client.query('ROLLBACK');
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 5) throw err;
    }
  }
}
