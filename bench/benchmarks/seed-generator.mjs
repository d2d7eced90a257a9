// Demo-data generator throughput against a raw COPY of the very same rows into a table with
// the same columns and indexes (LIKE report INCLUDING ALL), both in this run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../scripts/prepare.mjs';

const N = Number(process.env.BENCH_REPORTS ?? 1_000_000);

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

export default async function seedGenerator({ databaseUrl, env }) {
  const started = performance.now();
  const r = spawnSync('node', [join(ROOT, 'backend/dist/backend/src/cli/seed.cli.js'), '--no-demo', '--reports', String(N)], {
    env,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('seed --reports failed');
  const generatorSeconds = (performance.now() - started) / 1000;
  const reports = Number(psql(databaseUrl, 'SELECT count(*) FROM report'));
  const events = Number(psql(databaseUrl, 'SELECT count(*) FROM report_event'));

  psql(
    databaseUrl,
    'DROP TABLE IF EXISTS bench_report_copy; CREATE UNLOGGED TABLE bench_report_copy (LIKE report INCLUDING ALL); ALTER TABLE bench_report_copy SET LOGGED',
  );
  const copyStarted = performance.now();
  const copy = spawnSync(
    'sh',
    [
      '-c',
      `psql "$URL" -XAtq -c "COPY report TO STDOUT (FORMAT binary)" | psql "$URL" -XAtq -c "COPY bench_report_copy FROM STDIN (FORMAT binary)"`,
    ],
    { env: { ...process.env, URL: databaseUrl }, stdio: 'inherit' },
  );
  if (copy.status !== 0) throw new Error('baseline COPY failed');
  const copySeconds = (performance.now() - copyStarted) / 1000;
  psql(databaseUrl, 'DROP TABLE bench_report_copy');

  const generatorRate = reports / generatorSeconds;
  const copyRate = reports / copySeconds;
  return {
    reports,
    events,
    generatorSeconds: +generatorSeconds.toFixed(1),
    copySeconds: +copySeconds.toFixed(1),
    ratio: +(generatorRate / copyRate).toFixed(2),
    summary:
      `${reports} reports (+${events} timeline events) in ${generatorSeconds.toFixed(1)} s = ${Math.round(generatorRate)}/s; ` +
      `raw COPY of the same rows ${Math.round(copyRate)}/s; ratio ${(generatorRate / copyRate).toFixed(2)} (limit: 1M in < 120 s)`,
  };
}
