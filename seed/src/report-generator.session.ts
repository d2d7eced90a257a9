import type { ClientBase } from 'pg';
import { CATEGORIES } from './categories.data';
import { CATEGORY_MIX, FAMILY_NAMES, HOTSPOT_SHARE, HOTSPOTS, QUIET_DAYS, TIME_PROFILES } from './report-generator.data';
import { DESCRIPTIONS, REPLIES } from './report-texts.data';
import { TRACKING_TIME_ZONE } from '../../backend/src/modules/intake/tracking-code';

/** Slots of the category lookup table: a category's share is resolved to 0.1 %. */
export const CATEGORY_SLOTS = 1000;
/** Slots per time profile: ~15 per hour of the year, enough to keep the hourly shape. */
export const TIME_SLOTS = 131_072;
export const WINDOW_DAYS = 365;
/** Half-width of the per-report jitter that keeps reused pool points from stacking, metres. */
export const JITTER_M = 12;
/** Clearance a point needs from every ward edge to be jittered: the jitter's diagonal (17 m) with margin, in degrees. */
const JITTER_CLEARANCE_DEG = 0.0002;

/** The session's temp tables, dropped by name so a caller's own temp tables survive. */
export const SESSION_TABLES = [
  'gen_batch',
  'gen_point',
  'gen_candidate',
  'gen_edge',
  'gen_hotspot',
  'gen_ward',
  'gen_category',
  'gen_cat_pick',
  'gen_slot',
  'gen_route',
  'gen_unit',
  'gen_actor',
];

export interface SessionParams {
  now: Date;
  poolSize: number;
}

/**
 * Builds, in this session, the lookup tables every batch samples from: a pool of points that
 * lie in exactly one current ward (hotspot clusters plus a spread proportional to population),
 * weighted category and time-slot tables, routing rules, unit names and demo actors.
 */
export async function prepareSession(client: ClientBase, params: SessionParams): Promise<{ points: number; operatorId: string | null }> {
  await dropSessionTables(client);
  await client.query(`SET work_mem = '128MB'`);

  await client.query(`
    CREATE TEMP TABLE gen_ward AS
    SELECT a.id AS admin_unit_id, a.code, a.name, a.kind::text AS kind, a.geom, coalesce(a.population, 0) AS population,
           coalesce(h.id, (SELECT id FROM handling_unit WHERE kind = 'city' AND active ORDER BY created_at LIMIT 1)) AS committee_id
    FROM admin_unit a
    LEFT JOIN handling_unit h ON h.kind = 'ward_committee' AND h.active AND h.admin_unit_code = a.code
    WHERE a.valid_to IS NULL AND a.geom IS NOT NULL`);
  await client.query(`CREATE INDEX ON gen_ward USING gist (geom)`);
  await client.query(`ANALYZE gen_ward`);

  await client.query(
    `CREATE TEMP TABLE gen_category AS
     SELECT c.id, c.code, c.handling_level::text AS handling_level, c.default_unit_id, c.default_priority::text AS default_priority,
            m.weight, m.profile, m.median_hours, m.descriptions, m.replies
     FROM category c
     JOIN jsonb_to_recordset($1::jsonb) AS m(code text, weight float8, profile text, median_hours float8, descriptions text[], replies text[])
       ON m.code = c.code
     WHERE c.active`,
    [
      JSON.stringify(
        Object.entries(CATEGORY_MIX).map(([code, mix]) => ({
          code,
          weight: mix.weight,
          profile: mix.profile,
          median_hours: mix.medianHours,
          descriptions: DESCRIPTIONS[code],
          replies: REPLIES[code],
        })),
      ),
    ],
  );
  await client.query(`
    CREATE TEMP TABLE gen_cat_pick AS
    WITH w AS (SELECT id, weight, sum(weight) OVER (ORDER BY id) AS hi, sum(weight) OVER () AS total FROM gen_category)
    SELECT k, id AS category_id
    FROM w, generate_series(round((hi - weight) / total * ${CATEGORY_SLOTS})::int, round(hi / total * ${CATEGORY_SLOTS})::int - 1) k`);
  await client.query(`CREATE UNIQUE INDEX ON gen_cat_pick (k)`);

  const hotspotTotal = HOTSPOTS.reduce((sum, h) => sum + h.weight, 0);
  await client.query(
    `CREATE TEMP TABLE gen_hotspot AS
     SELECT h.id, h.name, h.lon, h.lat, h.radius, round($2::float8 * h.weight / $3::float8)::int AS n, h.streets,
            ARRAY(SELECT c.id FROM unnest(h.categories) AS u(code) JOIN gen_category c ON c.code = u.code) AS categories
     FROM jsonb_to_recordset($1::jsonb) AS h(id int, name text, lon float8, lat float8, radius float8, weight float8, streets text[], categories text[])`,
    [JSON.stringify(HOTSPOTS.map((h, i) => ({ ...h, id: i + 1 }))), params.poolSize * HOTSPOT_SHARE, hotspotTotal],
  );

  // Candidates: Gaussian clusters around hotspots (Box–Muller, metres to degrees at the
  // hotspot's latitude) and uniform points inside each ward in proportion to its population.
  await client.query(`CREATE TEMP TABLE gen_candidate (cid serial PRIMARY KEY, hotspot_id int, pt geometry(Point, 4326))`);
  await client.query(
    `INSERT INTO gen_candidate (hotspot_id, pt)
     SELECT NULL, (ST_Dump(ST_GeneratePoints(w.geom, greatest(1, round($1::float8 * w.population / t.total))::int))).geom
     FROM gen_ward w, (SELECT sum(population)::float8 AS total FROM gen_ward) t
     WHERE w.population > 0`,
    [params.poolSize * (1 - HOTSPOT_SHARE)],
  );
  await client.query(`
    INSERT INTO gen_candidate (hotspot_id, pt)
    SELECT h.id, ST_SetSRID(ST_MakePoint(h.lon + g.rr * cos(g.th) / (111320 * cos(radians(h.lat))), h.lat + g.rr * sin(g.th) / 110574), 4326)
    FROM gen_hotspot h
    CROSS JOIN LATERAL generate_series(1, h.n) s
    CROSS JOIN LATERAL (SELECT h.radius * sqrt(-2 * ln(1 - random())) + 0 * s AS rr, 2 * pi() * random() AS th) g`);

  // Only points inside exactly one current ward: the simplified boundaries overlap and leave
  // gaps, and a report's ward must be the one any point-in-polygon lookup would give.
  // Points farther than JITTER_CLEARANCE_DEG from every ward edge may be nudged a few metres
  // per report without changing the ward(s) they fall in; the others are used as they are.
  await client.query(`CREATE TEMP TABLE gen_edge AS SELECT ST_Subdivide(ST_Boundary(geom), 32) AS geom FROM gen_ward`);
  await client.query(`CREATE INDEX ON gen_edge USING gist (geom)`);
  await client.query(`ANALYZE gen_edge`);
  await client.query(`
    CREATE TEMP TABLE gen_point AS
    WITH hits AS (
      SELECT c.cid, min(w.admin_unit_id) AS admin_unit_id
      FROM gen_candidate c JOIN gen_ward w ON ST_Contains(w.geom, c.pt)
      GROUP BY c.cid HAVING count(*) = 1
    )
    SELECT (row_number() OVER ())::int AS idx, c.pt, c.hotspot_id, w.admin_unit_id, w.code AS ward_code, w.name AS ward_name,
           w.kind AS ward_kind, w.committee_id,
           NOT EXISTS (SELECT 1 FROM gen_edge e WHERE ST_DWithin(e.geom, c.pt, ${JITTER_CLEARANCE_DEG})) AS interior
    FROM hits JOIN gen_candidate c USING (cid) JOIN gen_ward w USING (admin_unit_id)`);
  await client.query(`CREATE UNIQUE INDEX ON gen_point (idx)`);
  await client.query(`ANALYZE gen_point`);

  await client.query(
    `CREATE TEMP TABLE gen_slot AS
     WITH hours AS (
       SELECT s AS slot_start, s AT TIME ZONE '${TRACKING_TIME_ZONE}' AS local
       FROM generate_series(date_trunc('hour', $1::timestamptz - interval '${WINDOW_DAYS} days'),
                            date_trunc('hour', $1::timestamptz) - interval '1 hour', interval '1 hour') s
     ), weighted AS (
       SELECT p.profile, h.slot_start,
              p.hours[extract(hour FROM h.local)::int + 1] * p.weekdays[extract(dow FROM h.local)::int + 1]
                * p.months[extract(month FROM h.local)::int]
                -- adoption grows over the year: the last month sees ~1.5x the first
                * (0.8 + 0.4 * extract(epoch FROM h.slot_start - ($1::timestamptz - interval '${WINDOW_DAYS} days')) / (${WINDOW_DAYS} * 86400.0))
                * coalesce((SELECT min(q.factor) FROM jsonb_to_recordset($3::jsonb) AS q("from" date, "to" date, factor float8)
                            WHERE h.local::date BETWEEN q."from" AND q."to"), 1) AS w
       FROM hours h CROSS JOIN jsonb_to_recordset($2::jsonb) AS p(profile text, hours float8[], weekdays float8[], months float8[])
     ), cumulative AS (
       SELECT profile, slot_start, w, sum(w) OVER (PARTITION BY profile ORDER BY slot_start) AS hi, sum(w) OVER (PARTITION BY profile) AS total
       FROM weighted
     )
     SELECT profile, k, slot_start
     FROM cumulative, generate_series(round((hi - w) / total * ${TIME_SLOTS})::int, round(hi / total * ${TIME_SLOTS})::int - 1) k`,
    [
      params.now.toISOString(),
      JSON.stringify(Object.entries(TIME_PROFILES).map(([profile, p]) => ({ profile, ...p }))),
      JSON.stringify(QUIET_DAYS),
    ],
  );
  await client.query(`CREATE UNIQUE INDEX ON gen_slot (profile, k)`);

  await client.query(
    `CREATE TEMP TABLE gen_route AS SELECT category_id, admin_unit_code, handling_unit_id, valid_from, valid_to FROM routing_rule`,
  );
  await client.query(`CREATE TEMP TABLE gen_unit AS SELECT id, name, kind::text AS kind FROM handling_unit`);
  await client.query(`CREATE UNIQUE INDEX ON gen_unit (id)`);
  // With demo accounts present, the officials of the demo units appear as actors in their timelines.
  await client.query(`
    CREATE TEMP TABLE gen_actor AS
    SELECT DISTINCT ON (unit_id) unit_id, id AS user_id
    FROM app_user WHERE active AND unit_id IS NOT NULL AND role IN ('ward_official', 'department_official')
    ORDER BY unit_id, created_at`);
  await client.query(
    `ANALYZE gen_slot; ANALYZE gen_cat_pick; ANALYZE gen_category; ANALYZE gen_hotspot; ANALYZE gen_route; ANALYZE gen_actor`,
  );

  const operator = await client.query<{ id: string }>(
    `SELECT id FROM app_user WHERE active AND role = 'operator' ORDER BY username = 'operator' DESC, created_at LIMIT 1`,
  );
  const points = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM gen_point`);
  return { points: points.rows[0].n, operatorId: operator.rows[0]?.id ?? null };
}

export async function dropSessionTables(client: ClientBase): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${SESSION_TABLES.map((t) => `pg_temp.${t}`).join(', ')}`);
}

/** Family names repeated by frequency, so a uniform pick follows the real distribution. */
export function weightedFamilyNames(): string[] {
  return FAMILY_NAMES.flatMap(([name, weight]) => Array<string>(weight).fill(name));
}

/** Categories the generator knows how to describe; checked so a new category cannot go silently unused. */
export function describedCategories(): string[] {
  return CATEGORIES.map((c) => c.code).filter((code) => CATEGORY_MIX[code] && DESCRIPTIONS[code] && REPLIES[code]);
}
