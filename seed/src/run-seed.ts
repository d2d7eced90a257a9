import type { Pool } from 'pg';
import { adminUnitsStep } from './admin-units.seed';
import { basemapStep } from './basemap.seed';
import { businessCalendarStep } from './business-calendar.seed';
import { categoriesStep } from './categories.seed';
import { demoUsersStep } from './demo-users.seed';
import { handlingUnitsStep } from './handling-units.seed';
import { generateReports } from './report-generator';
import { routingRulesStep } from './routing-rules.seed';
import { SeedStep, StepCounts } from './seed-step';
import { slaPoliciesStep } from './sla-policies.seed';

export interface SeedOptions {
  /** Create the demo accounts (never in production). */
  demo: boolean;
  /** Demo reports to add on top of what is there (0: none). */
  reports: number;
  log: (line: string) => void;
}

// Two seeds started at once (npm start in two terminals) would race on the same natural keys;
// the advisory lock makes the second wait and then find nothing to do.
const SEED_LOCK_KEY = 1022_0002;

export function formatStep(name: string, counts: StepCounts, ms: number): string {
  const parts = Object.entries(counts).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`);
  return `${name.padEnd(16)} ${parts.join(', ')} (${(ms / 1000).toFixed(2)} s)`;
}

/** The reference steps, in dependency order. */
export function referenceSteps(demo: boolean): SeedStep[] {
  const steps = [adminUnitsStep, basemapStep, handlingUnitsStep, categoriesStep, routingRulesStep, slaPoliciesStep, businessCalendarStep];
  return demo ? [...steps, demoUsersStep] : steps;
}

/**
 * Seeds the reference data (idempotent: natural keys and ON CONFLICT, each step in its own
 * transaction) and then, when asked, adds generated demo reports.
 */
export async function runSeed(pool: Pool, options: SeedOptions): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
    try {
      for (const step of referenceSteps(options.demo)) {
        const started = performance.now();
        await client.query('BEGIN');
        try {
          const counts = await step.run(client);
          await client.query('COMMIT');
          options.log(formatStep(step.name, counts, performance.now() - started));
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`seed step "${step.name}" failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
  if (options.reports > 0) {
    const started = performance.now();
    const result = await generateReports(pool, options.reports, {});
    options.log(formatStep('demo reports', { reports: result.reports, events: result.events }, performance.now() - started));
  }
}
