import { Pool } from 'pg';
import { loadConfig } from '../engine/config/app-config';
import { runSeed } from '../../../seed/src/run-seed';

const USAGE = 'usage: seed [--reports N] [--no-demo]';

export function parseSeedArgs(argv: string[]): { reports: number; noDemo: boolean } {
  let reports = 0;
  let noDemo = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-demo') {
      noDemo = true;
    } else if (arg === '--reports' || arg.startsWith('--reports=')) {
      const value = arg.includes('=') ? arg.slice('--reports='.length) : argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) throw new Error(`--reports needs a whole number, got "${value ?? ''}"\n${USAGE}`);
      reports = Number(value);
    } else {
      throw new Error(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  return { reports, noDemo };
}

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  const config = loadConfig();
  // Two connections carry the parallel report batches; one more keeps a spare for the steps.
  const pool = new Pool({ connectionString: config.database.url, max: 3, application_name: 'hcmc1022-seed' });
  try {
    const migrated = await pool.query<{ ok: boolean }>(`SELECT to_regclass('public.report') IS NOT NULL AS ok`);
    if (!migrated.rows[0].ok) throw new Error('the database has no schema yet: run the migrations first (npm run migrate)');
    const started = performance.now();
    await runSeed(pool, {
      demo: config.demoSeed && !args.noDemo,
      reports: args.reports,
      log: (line) => console.log(line),
    });
    console.log(`seed done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
