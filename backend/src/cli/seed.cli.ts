import { Pool } from 'pg';
import { loadConfig } from '../engine/config/app-config';
import { rebuildAggregates } from '../modules/maps/aggregates/report-aggregates';
import { runSeed } from '../../../seed/src/run-seed';
import { parseSeedArgs } from '../../../seed/src/seed-args';

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  const config = loadConfig();
  // Two sessions insert report batches in parallel (one per core of the reference machine).
  const pool = new Pool({ connectionString: config.database.url, max: 2, application_name: 'hcmc1022-seed' });
  try {
    const migrated = await pool.query<{ ok: boolean }>(`SELECT to_regclass('public.report') IS NOT NULL AS ok`);
    if (!migrated.rows[0].ok) throw new Error('the database has no schema yet: run the migrations first (npm run migrate)');
    const started = performance.now();
    await runSeed(pool, {
      demo: config.demoSeed && !args.noDemo,
      reports: args.reports,
      log: (line) => console.log(line),
    });
    // Generated reports are counted in one rebuild rather than through the change feed; a handful
    // of demo reports (or none) is left to the worker's aggregator.
    const [{ empty }] = (await pool.query(`SELECT NOT EXISTS (SELECT 1 FROM report_agg_state) AND EXISTS (SELECT 1 FROM report) AS empty`))
      .rows;
    if (args.reports > 0 || empty) await rebuildMapAggregates(pool);
    console.log(`seed done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await pool.end();
  }
}

async function rebuildMapAggregates(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const n = await rebuildAggregates((text, params) => client.query(text, params).then((r) => r.rows));
    await client.query('COMMIT');
    console.log(`map aggregates rebuilt over ${n} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

main().catch((err) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
