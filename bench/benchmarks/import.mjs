// Bulk import of historical reports (`import --format csv`) against a raw COPY of the very same
// report rows into the report table (and, for reference, into a bare table with its columns and
// indexes but no foreign keys or triggers), all in this run. The CSV is generated here, inside
// the city; everything the run adds is removed.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_FLAGS, ROOT } from '../../scripts/prepare.mjs';

const N = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);
const PREFIX = 'bench-import-';
const IMPORT_CLI = join(ROOT, 'backend/dist/backend/src/cli/import.cli.js');

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

// A deterministic generator, so that two runs import the same file.
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DESCRIPTIONS = [
  'Ổ gà lớn giữa làn xe máy, nhiều người suýt té ngã vào buổi tối.',
  'Rác thải sinh hoạt tập kết trên vỉa hè nhiều ngày chưa được thu gom, bốc mùi hôi.',
  'Đèn đường không sáng cả đoạn hẻm, người dân đi lại khó khăn và mất an toàn.',
  'Nước ngập sâu sau cơn mưa chiều, xe chết máy hàng loạt.',
  'Nắp hố ga bị vỡ, nguy hiểm cho người đi bộ và trẻ em.',
  'Công trình xây dựng gây tiếng ồn lớn sau 22 giờ đêm.',
  'Hàng quán lấn chiếm toàn bộ vỉa hè, người đi bộ phải xuống lòng đường.',
  'Cây xanh nghiêng, có nguy cơ gãy đổ khi mưa bão.',
];
const STREETS = [
  'Lê Lợi',
  'Nguyễn Huệ',
  'Điện Biên Phủ',
  'Cách Mạng Tháng Tám',
  'Võ Văn Kiệt',
  'Phan Văn Trị',
  'Quang Trung',
  'Lý Thường Kiệt',
];
const CHANNELS = ['phone', 'phone', 'web', 'app', 'app', 'zalo'];
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** ISO 8601 in Ho Chi Minh City's offset, as the old systems export it. */
function localIso(ms) {
  return new Date(ms + 7 * 3600 * 1000).toISOString().slice(0, 19) + '+07:00';
}

const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * N rows at points drawn by PostGIS inside the current units (in proportion to population),
 * active categories, three years of history: 85 % closed, 4 % resolved, 3 % rejected, 8 % open.
 */
export async function writeCsv(databaseUrl, file, n) {
  const categories = psql(databaseUrl, `SELECT code FROM category WHERE active ORDER BY code`).split('\n');
  const points = psql(
    databaseUrl,
    `WITH w AS (SELECT geom, greatest(coalesce(population, 0), 1000)::float8 AS pop FROM admin_unit WHERE valid_to IS NULL AND geom IS NOT NULL),
          t AS (SELECT sum(pop) AS total FROM w)
     SELECT round(ST_Y(p.geom)::numeric, 6) || ',' || round(ST_X(p.geom)::numeric, 6)
     FROM w, t, LATERAL ST_Dump(ST_GeneratePoints(w.geom, greatest(1, ceil(${n} * w.pop / t.total))::int, 1022)) p`,
  ).split('\n');
  const random = mulberry32(1022);
  const pick = (a) => a[Math.floor(random() * a.length)];
  const end = Date.parse('2025-11-01T00:00:00Z');
  const out = createWriteStream(file);
  out.write('external_id,category,lat,lng,description,address,created_at,status,closed_at,channel\n');
  for (let i = 0; i < n; i++) {
    const [lat, lng] = pick(points).split(',');
    const created = end - random() * 3 * YEAR_MS;
    const r = random();
    const status = r < 0.85 ? 'closed' : r < 0.89 ? 'resolved' : r < 0.92 ? 'rejected' : 'open';
    const closed = status === 'open' ? '' : localIso(created + (1 + random() * 400) * 3600 * 1000);
    const address = random() < 0.7 ? `${1 + Math.floor(random() * 300)} ${pick(STREETS)}` : '';
    const line = [
      `${PREFIX}${i + 1}`,
      pick(categories),
      lat,
      lng,
      quote(pick(DESCRIPTIONS)),
      quote(address),
      localIso(created),
      status,
      closed,
      pick(CHANNELS),
    ];
    if (!out.write(line.join(',') + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Removes what the benchmark added. The timeline is append-only (invariant 6); only here, on the
 * bench database, the superuser switches triggers off for the session to take its own rows out. */
function cleanUp(databaseUrl) {
  psql(
    databaseUrl,
    `SET session_replication_role = replica;
     CREATE TEMP TABLE gone AS SELECT id FROM report WHERE channel = 'import' AND attributes ->> 'external_id' LIKE '${PREFIX}%';
     DELETE FROM outbox WHERE aggregate_id IN (SELECT id::text FROM gone);
     DELETE FROM report_event WHERE report_id IN (SELECT id FROM gone);
     DELETE FROM report WHERE id IN (SELECT id FROM gone);
     DROP TABLE IF EXISTS bench_import_copy;`,
  );
  psql(databaseUrl, 'VACUUM ANALYZE report');
  psql(databaseUrl, 'VACUUM ANALYZE report_event');
  psql(databaseUrl, 'VACUUM ANALYZE outbox');
}

/**
 * Seconds to COPY the imported rows (binary, one psql reading and one writing) into `table`; with
 * `fresh`, as new rows that keep the unique constraints, in a transaction rolled back at the end.
 */
function rawCopySeconds(databaseUrl, table, fresh) {
  const columns = psql(
    databaseUrl,
    `SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = 'report' AND is_generated = 'NEVER'`,
  ).split(',');
  const FRESH = {
    id: 'gen_random_uuid()',
    code: `'BEN' || substr(code, 4)`,
    attributes: `jsonb_build_object('external_id', 'bench-copy-' || (attributes ->> 'external_id'))`,
  };
  const select = columns.map((c) => (fresh && FRESH[c] ? `${FRESH[c]} AS ${c}` : c)).join(', ');
  const source = `COPY (SELECT ${select} FROM report WHERE channel = 'import' AND attributes ->> 'external_id' LIKE '${PREFIX}%') TO STDOUT (FORMAT binary)`;
  const target = `COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT binary)`;
  const started = performance.now();
  const copy = spawnSync(
    'sh',
    ['-c', `psql "$URL" -XAtq -c "$SOURCE" | psql "$URL" -XAtq -v ON_ERROR_STOP=1 -c BEGIN -c "$TARGET" -c ROLLBACK`],
    {
      env: { ...process.env, URL: databaseUrl, SOURCE: source, TARGET: target },
      stdio: 'inherit',
    },
  );
  if (copy.status !== 0) throw new Error(`baseline COPY into ${table} failed`);
  return (performance.now() - started) / 1000;
}

export default async function importBenchmark({ databaseUrl, env }) {
  const dir = mkdtempSync(join(tmpdir(), 'hcmc1022-import-'));
  const file = join(dir, 'reports.csv');
  try {
    await writeCsv(databaseUrl, file, N);
    cleanUp(databaseUrl);

    const started = performance.now();
    const r = spawnSync('node', [...NODE_FLAGS, IMPORT_CLI, '--format', 'csv', file], { env, encoding: 'utf8' });
    const importSeconds = (performance.now() - started) / 1000;
    if (r.status !== 0) throw new Error(`import failed: ${r.stderr || r.stdout}`);
    const summary = r.stdout.trim().split('\n').at(-1);
    const imported = Number(
      psql(databaseUrl, `SELECT count(*) FROM report WHERE channel = 'import' AND attributes ->> 'external_id' LIKE '${PREFIX}%'`),
    );
    const events = Number(
      psql(databaseUrl, `SELECT count(*) FROM report_event e JOIN report r ON r.id = e.report_id WHERE r.channel = 'import'`),
    );
    if (imported !== N) throw new Error(`imported ${imported} of ${N} rows: ${summary}`);

    // The baseline: a raw binary COPY of the same rows into the report table itself (its indexes,
    // foreign keys and triggers), as fresh rows (other ids, codes and external ids), rolled back.
    const copySeconds = rawCopySeconds(databaseUrl, 'report', true);
    // And, for reference, into a bare table with the same columns and indexes only.
    psql(databaseUrl, 'DROP TABLE IF EXISTS bench_import_copy; CREATE TABLE bench_import_copy (LIKE report INCLUDING ALL)');
    const bareCopySeconds = rawCopySeconds(databaseUrl, 'bench_import_copy', false);

    const importRate = imported / importSeconds;
    const copyRate = imported / copySeconds;
    const ratio = importRate / copyRate;
    const bareRatio = importRate / (imported / bareCopySeconds);
    return {
      rows: imported,
      events,
      importSeconds: +importSeconds.toFixed(1),
      copySeconds: +copySeconds.toFixed(1),
      bareCopySeconds: +bareCopySeconds.toFixed(1),
      ratio: +ratio.toFixed(2),
      bareRatio: +bareRatio.toFixed(2),
      importSummary: summary,
      summary:
        `${imported} CSV rows imported (+${events} timeline events) in ${importSeconds.toFixed(1)} s = ${Math.round(importRate)} rows/s; ` +
        `raw COPY of the same rows into report ${Math.round(copyRate)} rows/s; ratio ${ratio.toFixed(2)} (target ≥ 0.7); ` +
        `into a bare copy of its columns and indexes ${Math.round(imported / bareCopySeconds)} rows/s, ratio ${bareRatio.toFixed(2)}`,
    };
  } finally {
    cleanUp(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  }
}
