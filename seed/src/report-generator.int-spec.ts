import { Pool, PoolClient } from 'pg';
import { TEST_DATABASE_URL } from '../../backend/src/testing/test-env';
import { generateReports, GenerateReportsResult } from './report-generator';
import { formatTrackingCode, TRACKING_CODE_PATTERN, trackingCodeSql } from '../../backend/src/modules/intake/tracking-code';

const N = 2000;

/**
 * Generates into the seeded test database inside a transaction that is rolled back at the end:
 * report_event is append-only, so generated rows cannot be deleted afterwards.
 */
describe('generateReports (real PostgreSQL + PostGIS, rolled back)', () => {
  let pool: Pool;
  let client: PoolClient;
  let result: GenerateReportsResult;
  const now = new Date();
  const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await client.query(sql, params)).rows as T[];

  beforeAll(async () => {
    pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
    client = await pool.connect();
    await client.query('BEGIN');
    await client.query('CREATE TEMP TABLE existing_report ON COMMIT DROP AS SELECT id FROM report');
    result = await generateReports(client, N, { now });
    await client.query(`
      CREATE TEMP VIEW new_report AS
      SELECT r.* FROM report r WHERE NOT EXISTS (SELECT 1 FROM existing_report e WHERE e.id = r.id)`);
  });
  afterAll(async () => {
    await client?.query('ROLLBACK');
    client?.release();
    await pool?.end();
  });

  it('adds exactly the reports asked for', async () => {
    const [{ n }] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM new_report');
    expect(n).toBe(N);
    expect(result.reports).toBe(N);
    expect(result.events).toBeGreaterThanOrEqual(N);
  });

  it('puts every report inside the current ward it names, and in no other', async () => {
    const [stats] = await rows(`
      SELECT count(*) FILTER (WHERE NOT ST_Contains(a.geom, r.point) OR a.code <> r.ward_code OR a.valid_to IS NOT NULL)::int AS misplaced,
             count(*) FILTER (WHERE (SELECT count(*) FROM admin_unit o WHERE o.valid_to IS NULL AND ST_Contains(o.geom, r.point)) <> 1)::int AS ambiguous,
             count(*) FILTER (WHERE NOT ST_Equals(r.point_3857, ST_Transform(r.point, 3857)))::int AS unsynced,
             count(DISTINCT r.ward_code)::int AS wards
      FROM new_report r JOIN admin_unit a ON a.id = r.admin_unit_id`);
    expect(stats).toEqual({ misplaced: 0, ambiguous: 0, unsynced: 0, wards: expect.any(Number) });
    expect((stats as { wards: number }).wards).toBeGreaterThan(60);
  });

  it('gives unique HCM-YYMMDD-XXXXXX codes dated by the Asia/Ho_Chi_Minh calendar', async () => {
    const codes = await rows<{ code: string; local_day: string }>(
      `SELECT code, to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') AS local_day FROM new_report`,
    );
    expect(new Set(codes.map((c) => c.code)).size).toBe(N);
    for (const { code, local_day } of codes) {
      expect(code).toMatch(TRACKING_CODE_PATTERN);
      expect(code.slice(4, 10)).toBe(local_day);
    }
    const [{ duplicates }] = await rows<{ duplicates: number }>(
      `SELECT count(*)::int AS duplicates FROM (SELECT code FROM report GROUP BY code HAVING count(*) > 1) d`,
    );
    expect(duplicates).toBe(0);
  });

  it('spells codes in SQL exactly as the TypeScript formatter does', async () => {
    // 17:30 UTC on 5 March is already 6 March in Ho Chi Minh City.
    const [{ code }] = await rows<{ code: string }>(
      `SELECT ${trackingCodeSql(`TIMESTAMPTZ '2026-03-05 17:30:00+00'`, '987654321::bigint')} AS code`,
    );
    expect(code).toBe(formatTrackingCode({ year: 2026, month: 3, day: 6 }, 987654321));
  });

  it('writes a timeline that starts with "created" and ends in the status the report shows', async () => {
    const [stats] = await rows(
      `
      WITH t AS (
        SELECT r.id, r.status, r.created_at, r.updated_at, r.version,
               (array_agg(e.type ORDER BY e.id))[1] AS first_type,
               (array_agg(e.created_at ORDER BY e.id))[1] AS first_at,
               (array_agg(e.to_status ORDER BY e.id) FILTER (WHERE e.to_status IS NOT NULL))[count(e.to_status)] AS last_status,
               max(e.created_at) AS last_at, count(*) AS events,
               bool_and(e.created_at <= $1) AS none_in_future,
               count(*) FILTER (WHERE e.type = 'created') AS created_events
        FROM new_report r JOIN report_event e ON e.report_id = r.id GROUP BY r.id, r.status, r.created_at, r.updated_at, r.version)
      SELECT count(*)::int AS reports,
             count(*) FILTER (WHERE first_type <> 'created' OR first_at <> created_at OR created_events <> 1)::int AS bad_start,
             count(*) FILTER (WHERE last_status <> status)::int AS bad_end,
             count(*) FILTER (WHERE updated_at <> last_at OR version <> events)::int AS bad_bookkeeping,
             count(*) FILTER (WHERE NOT none_in_future)::int AS future
      FROM t`,
      [now.toISOString()],
    );
    expect(stats).toEqual({ reports: N, bad_start: 0, bad_end: 0, bad_bookkeeping: 0, future: 0 });
    const [{ unordered }] = await rows<{ unordered: number }>(`
      SELECT count(*)::int AS unordered FROM (
        SELECT e.created_at < lag(e.created_at) OVER (PARTITION BY e.report_id ORDER BY e.id) AS back
        FROM report_event e JOIN new_report r ON r.id = e.report_id) x
      WHERE back`);
    expect(unordered).toBe(0);
  });

  it('assigns by handling level: the ward committee, the default unit, or the routing rule for that ward', async () => {
    const [stats] = await rows(
      `SELECT count(*) FILTER (WHERE r.status IN ('new', 'rejected') AND r.assigned_unit_id IS NOT NULL)::int AS assigned_too_early,
              count(*) FILTER (WHERE r.status NOT IN ('new', 'rejected') AND r.assigned_unit_id IS NULL)::int AS unassigned,
              count(*) FILTER (WHERE r.assigned_unit_id IS NOT NULL AND r.assigned_unit_id IS DISTINCT FROM coalesce(rule.handling_unit_id,
                               CASE WHEN c.handling_level = 'ward' THEN committee.id ELSE c.default_unit_id END)
                               -- a misrouted ticket waits at the ward committee until it is transferred
                               AND NOT (r.assigned_unit_id = committee.id AND EXISTS (
                                 SELECT 1 FROM report_event e WHERE e.report_id = r.id AND e.type = 'assigned' AND e.to_unit_id = committee.id)
                                 AND NOT EXISTS (SELECT 1 FROM report_event e WHERE e.report_id = r.id AND e.type = 'transferred')))::int AS misrouted
       FROM new_report r
       JOIN category c ON c.id = r.category_id
       LEFT JOIN handling_unit committee ON committee.kind = 'ward_committee' AND committee.active AND committee.admin_unit_code = r.ward_code
       LEFT JOIN LATERAL (
         SELECT x.handling_unit_id FROM routing_rule x
         WHERE x.category_id = r.category_id AND (x.admin_unit_code = r.ward_code OR x.admin_unit_code IS NULL)
           AND x.valid_from <= r.created_at AND (x.valid_to IS NULL OR x.valid_to > r.created_at)
         ORDER BY x.admin_unit_code IS NULL, x.valid_from DESC LIMIT 1) rule ON true`,
    );
    expect(stats).toEqual({ assigned_too_early: 0, unassigned: 0, misrouted: 0 });
  });

  it('follows office hours and the working week in Ho Chi Minh City', async () => {
    const [stats] = await rows<{ office: number; night: number; weekday_avg: number; sunday: number }>(`
      WITH l AS (SELECT created_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS t FROM new_report)
      SELECT count(*) FILTER (WHERE extract(hour FROM t) BETWEEN 8 AND 17)::int AS office,
             count(*) FILTER (WHERE extract(hour FROM t) < 6)::int AS night,
             (count(*) FILTER (WHERE extract(isodow FROM t) <= 5) / 5.0)::float8 AS weekday_avg,
             count(*) FILTER (WHERE extract(isodow FROM t) = 7)::int AS sunday
      FROM l`);
    expect(stats.office).toBeGreaterThan(stats.night * 4);
    // Mixed profiles (night-time categories peak at weekends) keep the gap modest; 2,000 samples
    // put the ratio near 1.2 ± 0.08, so the bound leaves room for chance.
    expect(stats.weekday_avg).toBeGreaterThan(stats.sunday * 1.05);
  });

  it('keeps recent reports mostly open and old ones mostly closed, over the last year only', async () => {
    const [stats] = await rows<{ recent_open: number; old_open: number; oldest_days: number }>(
      `SELECT avg((status IN ('new', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'))::int) FILTER (WHERE created_at > $1::timestamptz - interval '14 days')::float8 AS recent_open,
              avg((status IN ('new', 'assigned', 'in_progress', 'waiting_citizen', 'reopened'))::int) FILTER (WHERE created_at < $1::timestamptz - interval '90 days')::float8 AS old_open,
              (extract(epoch FROM $1::timestamptz - min(created_at)) / 86400)::float8 AS oldest_days
       FROM new_report`,
      [now.toISOString()],
    );
    expect(stats.recent_open).toBeGreaterThan(0.1);
    expect(stats.old_open).toBeLessThan(0.05);
    expect(stats.oldest_days).toBeLessThanOrEqual(366);
  });

  it('leaves contact details on about half of the reports, some with the identity hidden', async () => {
    const [stats] = await rows<{ contact: number; hidden: number; channels: number }>(`
      SELECT avg((reporter_phone IS NOT NULL OR reporter_name IS NOT NULL OR reporter_email IS NOT NULL)::int)::float8 AS contact,
             count(*) FILTER (WHERE hide_identity)::int AS hidden, count(DISTINCT channel)::int AS channels
      FROM new_report`);
    expect(stats.contact).toBeGreaterThan(0.4);
    expect(stats.contact).toBeLessThan(0.6);
    expect(stats.hidden).toBeGreaterThan(0);
    expect(stats.channels).toBe(4);
  });

  it('adds on every call: reports are never replaced', async () => {
    const more = await generateReports(client, 300, { now });
    const [{ n }] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM new_report');
    expect(more.reports).toBe(300);
    expect(n).toBe(N + 300);
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses a report count of %d', async (count) => {
    await expect(generateReports(client, count)).rejects.toThrow(RangeError);
  });
});
