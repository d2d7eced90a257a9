import type { ClientBase } from 'pg';
import {
  CHANNEL_MIX,
  CONTACT_SHARE,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  HOTSPOT_CATEGORY_BIAS,
  MALE_GIVEN,
  MALE_MIDDLE,
  MOBILE_PREFIXES,
  REJECT_REASONS,
  REOPEN_MESSAGES,
  WAITING_MESSAGES,
} from './report-generator.data';
import { CATEGORY_SLOTS, JITTER_M, TIME_SLOTS, weightedFamilyNames } from './report-generator.session';
import { LOCAL_PLACES, STREET_PLACES, TIME_PHRASES } from './report-texts.data';
import { trackingCodeSql } from '../../backend/src/modules/intake/tracking-code';
import { insertEventsSql, insertReportsSql } from '../../backend/src/modules/report-record/report-record.sql';

/** Shares of the life-cycle branches. */
const P_REJECTED = 0.03;
const P_MISROUTED = 0.06;
const P_WAITING = 0.06;
/** Stuck tickets take ten times longer and abandoned ones never end: the overdue backlog of the dashboards. */
const P_STUCK = 0.08;
const P_ABANDONED = 0.01;
const P_REOPENED = 0.04;
const P_CONFIRMED = 0.55;

/** CHANNEL_MIX as cumulative upper bounds. */
const CHANNEL_CUMULATIVE: [string, number][] = CHANNEL_MIX.map(([c], i) => [
  c,
  CHANNEL_MIX.slice(0, i + 1).reduce((sum, [, w]) => sum + w, 0),
]);

/** log-normal draw in hours: `median · e^(σ·N(0,1))`, N from Box–Muller. */
function lognormal(medianSql: string | number, sigma: number): string {
  return `(${medianSql} * exp(${sigma} * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))`;
}

/** The channel for a uniform draw, from CHANNEL_MIX. */
function channelSql(r: string): string {
  const cases = CHANNEL_CUMULATIVE.slice(0, -1).map(([channel, hi]) => `WHEN ${r} < ${hi} THEN '${channel}'`);
  return `CASE ${cases.join(' ')} ELSE '${CHANNEL_CUMULATIVE.at(-1)![0]}' END`;
}

const pick = (arraySql: string, randomSql: string) => `(${arraySql})[1 + floor(${randomSql} * cardinality(${arraySql}))::int]`;

/**
 * One batch, built set-based into gen_batch: sample pool points, pick categories (hotspot bias
 * first, then the global mix), time slots by the category's profile, unique codes, routing,
 * life-cycle timestamps, and the status the ticket has reached at `now`.
 * Parameters: $1 candidates, $2 pool size, $3 now, $4 reporter population, then text arrays.
 */
const BUILD_BATCH_SQL = `
CREATE TEMP TABLE gen_batch AS
WITH base AS (
  SELECT i, 1 + floor(random() * $2)::int AS pidx, random() AS r_bias, random() AS r_pick,
         floor(random() * ${CATEGORY_SLOTS})::int AS cat_k, random() AS r_slot, (random() * 1073741824)::bigint AS code_bits
  FROM generate_series(1, $1::int) i
), placed AS (
  SELECT b.i, b.code_bits, p.pt, p.interior, p.admin_unit_id, p.ward_code, p.ward_name, p.ward_kind, p.committee_id, h.streets,
         h.name AS hotspot_name,
         CASE WHEN cardinality(h.categories) > 0 AND b.r_bias < ${HOTSPOT_CATEGORY_BIAS}
              THEN ${pick('h.categories', 'b.r_pick')} ELSE cp.category_id END AS category_id,
         b.r_slot
  FROM base b
  JOIN gen_point p ON p.idx = b.pidx
  JOIN gen_cat_pick cp ON cp.k = b.cat_k
  LEFT JOIN gen_hotspot h ON h.id = p.hotspot_id
), timed AS (
  SELECT pl.*, s.slot_start + random() * interval '1 hour' AS created_at
  FROM placed pl
  JOIN gen_category c ON c.id = pl.category_id
  JOIN gen_slot s ON s.profile = c.profile AND s.k = floor(pl.r_slot * ${TIME_SLOTS})::int
), coded AS (
  -- A code already taken, or drawn twice in this batch, drops the row; the caller tops up.
  SELECT DISTINCT ON (k.code) t.*, k.code
  FROM timed t CROSS JOIN LATERAL (SELECT ${trackingCodeSql('t.created_at', 't.code_bits')} AS code) k
  WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.code = k.code)
  ORDER BY k.code
), routed AS (
  -- Effective-dated overrides: a rule for (category, ward) beats a city-wide one for the category.
  SELECT DISTINCT ON (x.i) x.i, coalesce(rw.handling_unit_id, rc.handling_unit_id) AS rule_unit
  FROM coded x
  LEFT JOIN gen_route rw ON rw.category_id = x.category_id AND rw.admin_unit_code = x.ward_code
       AND rw.valid_from <= x.created_at AND (rw.valid_to IS NULL OR rw.valid_to > x.created_at)
  LEFT JOIN gen_route rc ON rc.category_id = x.category_id AND rc.admin_unit_code IS NULL
       AND rc.valid_from <= x.created_at AND (rc.valid_to IS NULL OR rc.valid_to > x.created_at)
  ORDER BY x.i, rw.valid_from DESC NULLS LAST, rc.valid_from DESC NULLS LAST
), drawn AS (
  SELECT x.*, c.handling_level, c.default_priority, c.descriptions, c.replies,
         coalesce(ro.rule_unit, CASE WHEN c.handling_level = 'ward' THEN x.committee_id ELSE c.default_unit_id END) AS final_unit,
         random() AS r_channel,
         CASE WHEN x.streets IS NOT NULL THEN ${pick('x.streets', 'random()')} END AS street,
         (1 + floor(random() * 300))::int AS house, (1 + floor(random() * 250))::int AS alley, (1 + floor(random() * 12))::int AS quarter,
         floor($4 * power(random(), 1.6))::bigint AS person,
         random() AS r_contact, random() AS r_hide, random() AS r_address, random() AS r_prio, random() AS r_follow,
         random() AS r_reject, random() AS r_misroute, random() AS r_wait, random() AS r_stuck, random() AS r_reopen,
         random() AS r_confirm, random() AS r_rating, random() AS r_jx, random() AS r_jy, random() AS r_text, random() AS r_place,
         ${lognormal(0.3, 1.0)} AS d_assign, ${lognormal(2, 1.0)} AS d_reject, ${lognormal(5, 0.8)} AS d_transfer,
         ${lognormal(4, 1.0)} AS d_accept, ${lognormal(8, 0.8)} AS d_wait, ${lognormal(30, 0.8)} AS d_wait_len,
         ${lognormal('c.median_hours', 0.9)} AS d_resolve, ${lognormal(20, 0.8)} AS d_reopen, ${lognormal(3, 0.8)} AS d_reaccept,
         ${lognormal('c.median_hours * 0.6', 0.8)} AS d_reresolve, ${lognormal(18, 1.0)} AS d_confirm
  FROM coded x
  JOIN routed ro USING (i)
  JOIN gen_category c ON c.id = x.category_id
), staged AS (
  SELECT d.*, f.*, s1.*, s2.*, s3.*, s4.*, s5.*, s6.*, s7.*, s8.*, s9.*, s10.*
  FROM drawn d
  CROSS JOIN LATERAL (
    SELECT CASE WHEN d.r_prio < 0.1 THEN (CASE d.default_priority WHEN 'low' THEN 'normal' WHEN 'normal' THEN 'high' ELSE 'urgent' END)
                ELSE d.default_priority END AS priority,
           ${channelSql('d.r_channel')} AS channel,
           d.r_reject < ${P_REJECTED} AS rejected,
           d.handling_level = 'department' AND d.r_misroute < ${P_MISROUTED} AND d.final_unit IS DISTINCT FROM d.committee_id AS misrouted,
           d.r_wait < ${P_WAITING} AS waits,
           d.r_reopen < ${P_REOPENED} AS reopens,
           d.r_confirm < ${P_CONFIRMED} AS confirmed,
           CASE WHEN d.r_stuck < ${P_ABANDONED} THEN 1000 WHEN d.r_stuck < ${P_STUCK} THEN 10 ELSE 1 END AS stuck_factor
  ) f
  CROSS JOIN LATERAL (
    SELECT CASE WHEN f.rejected THEN d.created_at + d.d_reject * interval '1 hour' END AS t_rejected,
           CASE WHEN NOT f.rejected THEN d.created_at + d.d_assign * interval '1 hour' END AS t_assigned,
           CASE f.priority WHEN 'urgent' THEN 0.3 WHEN 'high' THEN 0.6 WHEN 'low' THEN 1.5 ELSE 1 END AS pace
  ) s1
  CROSS JOIN LATERAL (SELECT CASE WHEN f.misrouted THEN s1.t_assigned + d.d_transfer * interval '1 hour' END AS t_transferred) s2
  CROSS JOIN LATERAL (SELECT coalesce(s2.t_transferred, s1.t_assigned) + d.d_accept * s1.pace * interval '1 hour' AS t_progress) s3
  CROSS JOIN LATERAL (SELECT CASE WHEN f.waits THEN s3.t_progress + d.d_wait * interval '1 hour' END AS t_wait) s4
  CROSS JOIN LATERAL (SELECT s4.t_wait + d.d_wait_len * interval '1 hour' AS t_wait_end) s5
  CROSS JOIN LATERAL (
    SELECT CASE WHEN NOT f.rejected THEN greatest(d.created_at + d.d_resolve * s1.pace * f.stuck_factor * interval '1 hour',
                                                  coalesce(s5.t_wait_end, s3.t_progress) + interval '30 minutes') END AS t_resolved
  ) s6
  CROSS JOIN LATERAL (SELECT CASE WHEN f.reopens THEN s6.t_resolved + d.d_reopen * interval '1 hour' END AS t_reopened) s7
  CROSS JOIN LATERAL (SELECT s7.t_reopened + d.d_reaccept * interval '1 hour' AS t_progress2) s8
  CROSS JOIN LATERAL (SELECT s8.t_progress2 + d.d_reresolve * interval '1 hour' AS t_resolved2) s9
  CROSS JOIN LATERAL (
    SELECT coalesce(s9.t_resolved2, s6.t_resolved)
           + CASE WHEN f.confirmed THEN d.d_confirm * interval '1 hour' ELSE interval '7 days' END AS t_closed
  ) s10
), statused AS (
  SELECT s.*,
         CASE WHEN s.t_rejected <= $3 THEN 'rejected'
              WHEN s.t_closed <= $3 THEN 'closed'
              WHEN s.t_resolved2 <= $3 THEN 'resolved'
              WHEN s.t_progress2 <= $3 THEN 'in_progress'
              WHEN s.t_reopened <= $3 THEN 'reopened'
              WHEN s.t_resolved <= $3 THEN 'resolved'
              WHEN s.t_wait_end <= $3 THEN 'in_progress'
              WHEN s.t_wait <= $3 THEN 'waiting_citizen'
              WHEN s.t_progress <= $3 THEN 'in_progress'
              WHEN s.t_assigned <= $3 THEN 'assigned'
              ELSE 'new' END AS status,
         s.r_contact < CASE s.channel WHEN 'phone' THEN ${CONTACT_SHARE.phone} WHEN 'app' THEN ${CONTACT_SHARE.app}
                                      WHEN 'web' THEN ${CONTACT_SHARE.web} ELSE ${CONTACT_SHARE.open311} END AS has_contact,
         s.person % 2 = 0 AS male
  FROM staged s
)
SELECT gen_random_uuid() AS id, s.code, s.channel, s.category_id, s.admin_unit_id, s.ward_code, s.committee_id, s.final_unit,
       s.status, s.priority, s.created_at, s.confirmed, s.r_rating, s.r_text, s.replies,
       s.t_rejected, s.t_assigned, s.t_transferred, s.t_progress, s.t_wait, s.t_wait_end, s.t_resolved, s.t_reopened,
       s.t_progress2, s.t_resolved2, s.t_closed,
       CASE WHEN s.interior THEN j.pt ELSE s.pt END AS point,
       replace(replace(${pick('s.descriptions', 's.r_text')}, '{vitri}', l.place), '{thoigian}', ${pick('$7::text[]', 'random()')}) AS description,
       CASE WHEN s.channel = 'phone' OR s.r_address < 0.75 THEN
         CASE WHEN s.street IS NOT NULL THEN s.house || ' ' || s.street || ', ' || s.ward_name
              WHEN s.ward_kind = 'xa' THEN 'Ấp ' || s.quarter || ', ' || s.ward_name
              ELSE 'Hẻm ' || s.alley || ', Khu phố ' || s.quarter || ', ' || s.ward_name END
       END AS address,
       CASE WHEN s.status IN ('new', 'rejected') THEN NULL
            WHEN s.misrouted AND NOT s.t_transferred <= $3 THEN s.committee_id
            ELSE s.final_unit END AS assigned_unit_id,
       CASE WHEN s.has_contact AND s.person % 10 < 9 THEN p.full_name END AS reporter_name,
       CASE WHEN s.has_contact AND (s.channel = 'phone' OR s.person % 5 <> 0) THEN p.phone END AS reporter_phone,
       CASE WHEN s.has_contact AND s.person % 10 < 3 THEN p.email END AS reporter_email,
       s.has_contact AND s.r_hide < 0.15 AS hide_identity,
       floor(-ln(1 - s.r_follow) * CASE WHEN s.street IS NOT NULL THEN 0.6 ELSE 0.15 END)::int AS follower_count,
       CASE WHEN s.t_progress <= $3 THEN s.t_progress END AS acknowledged_at,
       CASE WHEN s.status IN ('resolved', 'closed') THEN CASE WHEN s.t_resolved2 <= $3 THEN s.t_resolved2 ELSE s.t_resolved END END AS resolved_at,
       CASE WHEN s.t_closed <= $3 THEN s.t_closed END AS closed_at
FROM statused s
CROSS JOIN LATERAL (
  SELECT ST_SetSRID(ST_MakePoint(ST_X(s.pt) + (s.r_jx - 0.5) * ${2 * JITTER_M} / (111320 * cos(radians(ST_Y(s.pt)))),
                                 ST_Y(s.pt) + (s.r_jy - 0.5) * ${2 * JITTER_M} / 110574), 4326) AS pt
) j
CROSS JOIN LATERAL (
  SELECT CASE WHEN s.street IS NOT NULL
              THEN replace(replace(replace(${pick('$6::text[]', 's.r_place')}, '{duong}', s.street), '{so}', s.house::text), '{diadiem}', s.hotspot_name)
              ELSE replace(replace(replace(replace(${pick('$8::text[]', 's.r_place')}, '{so}', s.house::text), '{hem}', s.alley::text),
                                   '{kp}', CASE WHEN s.ward_kind = 'xa' THEN 'ấp' ELSE 'khu phố' END), '{sokp}', s.quarter::text)
         END AS place
) l
CROSS JOIN LATERAL (
  SELECT fam || ' ' || mid || ' ' || given AS full_name,
         -- prefix from person mod P, subscriber from person div P times a unit mod 10^7: distinct people, distinct numbers
         ($13::text[])[1 + (s.person % cardinality($13::text[]))::int]
           || lpad(((s.person / cardinality($13::text[]) * 7919 + 1234567) % 10000000)::text, 7, '0') AS phone,
         f_search_key(given) || '.' || f_search_key(fam) || (s.person % 1000)::text || '@example.com' AS email
  FROM (SELECT ($5::text[])[1 + (s.person * 7919 % cardinality($5::text[]))::int] AS fam,
               CASE WHEN s.male THEN ($9::text[])[1 + (s.person / 2 * 31 % cardinality($9::text[]))::int]
                    ELSE ($10::text[])[1 + (s.person / 2 * 31 % cardinality($10::text[]))::int] END AS mid,
               CASE WHEN s.male THEN ($11::text[])[1 + ((s.person / 2 * 17 + s.person / 7) % cardinality($11::text[]))::int]
                    ELSE ($12::text[])[1 + ((s.person / 2 * 17 + s.person / 7) % cardinality($12::text[]))::int] END AS given) n
) p`;

/**
 * Deadlines of generated tickets from the default SLA targets per priority (seed/src/sla-policies.seed.ts).
 * The demo does not replay the business calendar per ticket: a business minute counts as 4.2
 * wall minutes (40 working hours in a 168-hour week), close enough for on-time figures.
 */
const DEMO_DEADLINES_SQL = `
  SELECT make_interval(secs => 60 * 4.2 * CASE b.priority WHEN 'urgent' THEN 60 WHEN 'high' THEN 240 WHEN 'normal' THEN 480 ELSE 960 END) AS response,
         make_interval(secs => 60 * 4.2 * CASE b.priority WHEN 'urgent' THEN 480 WHEN 'high' THEN 1440 WHEN 'normal' THEN 2400 ELSE 4800 END) AS resolution`;

/**
 * Reports and their timelines in one statement (atomic even outside a transaction); events
 * are ordered per report so that their ids follow the timeline.
 * Parameters: $1 now, $2 operator id, then message arrays.
 */
const INSERT_BATCH_SQL = `
WITH inserted AS (
  ${insertReportsSql(
    `id, code, channel, category_id, description, point, address, admin_unit_id, ward_code, assigned_unit_id,
                      status, priority, reporter_name, reporter_phone, reporter_email, hide_identity, follower_count, version,
                      created_at, updated_at, acknowledged_at, resolved_at, closed_at, response_due_at, resolution_due_at, resolved_on_time`,
    `SELECT b.id, b.code, b.channel::report_channel, b.category_id, b.description, b.point, b.address, b.admin_unit_id, b.ward_code,
         b.assigned_unit_id, b.status::report_status, b.priority::priority, b.reporter_name, b.reporter_phone, b.reporter_email,
         b.hide_identity, b.follower_count, n.changes, b.created_at, n.last_at, b.acknowledged_at, b.resolved_at, b.closed_at,
         b.t_assigned + d.response, b.t_assigned + d.resolution, CASE WHEN b.resolved_at IS NOT NULL THEN b.resolved_at <= b.t_assigned + d.resolution END
  FROM gen_batch b
  CROSS JOIN LATERAL (${DEMO_DEADLINES_SQL}) d
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE t <= $1)::int AS changes, max(t) FILTER (WHERE t <= $1) AS last_at
    FROM unnest(ARRAY[b.created_at, b.t_rejected, b.t_assigned, b.t_transferred, b.t_progress, b.t_wait, b.t_wait_end, b.t_resolved,
                      b.t_reopened, b.t_progress2, b.t_resolved2, b.t_closed]) t
  ) n`,
  )}
  RETURNING 1
),
-- Ids taken in timeline order, so the free text can go to report_event_personal in the same statement.
ev AS (
SELECT nextval(pg_get_serial_sequence('report_event', 'id')) AS id, x.* FROM (
SELECT b.id AS report_id, e.type, e.actor, e.role, e.from_status::report_status AS from_status, e.to_status::report_status AS to_status,
       e.from_unit, e.to_unit, e.public, e.message, e.data, e.at
FROM gen_batch b
LEFT JOIN gen_unit first_unit ON first_unit.id = CASE WHEN b.t_transferred IS NOT NULL THEN b.committee_id ELSE b.final_unit END
LEFT JOIN gen_unit final_unit ON final_unit.id = b.final_unit
LEFT JOIN gen_actor committee_actor ON committee_actor.unit_id = b.committee_id
LEFT JOIN gen_actor unit_actor ON unit_actor.unit_id = b.final_unit
CROSS JOIN LATERAL (
  SELECT CASE WHEN final_unit.kind = 'ward_committee' THEN 'ward_official' ELSE 'department_official' END AS official
) r
CROSS JOIN LATERAL (VALUES
  (1, 'created', CASE WHEN b.channel = 'phone' THEN $2::uuid END,
      CASE b.channel WHEN 'phone' THEN 'operator' WHEN 'open311' THEN 'open311_client' ELSE 'citizen' END,
      NULL, 'new', NULL::uuid, NULL::uuid, true, NULL, jsonb_build_object('channel', b.channel), b.created_at),
  (2, 'rejected', $2::uuid, 'operator', 'new', 'rejected', NULL, NULL, true, ${pick('$3::text[]', 'b.r_text')}, '{}'::jsonb, b.t_rejected),
  (3, 'assigned', NULL, 'system', 'new', 'assigned', NULL, first_unit.id, true, 'Đã chuyển đến ' || first_unit.name || '.', '{}', b.t_assigned),
  (4, 'transferred', committee_actor.user_id, 'ward_official', NULL, NULL, b.committee_id, b.final_unit, false,
      'Chuyển đến ' || final_unit.name || ': nội dung thuộc thẩm quyền chuyên ngành.', '{}', b.t_transferred),
  (5, 'in_progress', unit_actor.user_id, r.official, 'assigned', 'in_progress', NULL, NULL, true, 'Đơn vị đã tiếp nhận và đang xử lý.', '{}', b.t_progress),
  (6, 'waiting_citizen', unit_actor.user_id, r.official, 'in_progress', 'waiting_citizen', NULL, NULL, true, ${pick('$4::text[]', 'b.r_text')}, '{}', b.t_wait),
  (7, 'in_progress', NULL, 'citizen', 'waiting_citizen', 'in_progress', NULL, NULL, true, 'Người phản ánh đã bổ sung thông tin.', '{}', b.t_wait_end),
  (8, 'resolved', unit_actor.user_id, r.official, 'in_progress', 'resolved', NULL, NULL, true, ${pick('b.replies', 'b.r_rating')}, '{}', b.t_resolved),
  (9, 'reopened', NULL, 'citizen', 'resolved', 'reopened', NULL, NULL, true, ${pick('$5::text[]', 'b.r_text')}, '{}', b.t_reopened),
  (10, 'in_progress', unit_actor.user_id, r.official, 'reopened', 'in_progress', NULL, NULL, true, 'Đơn vị tiếp nhận lại để xử lý dứt điểm.', '{}', b.t_progress2),
  (11, 'resolved', unit_actor.user_id, r.official, 'in_progress', 'resolved', NULL, NULL, true, ${pick('b.replies', '(1 - b.r_rating)')}, '{}', b.t_resolved2),
  (12, 'closed', NULL, CASE WHEN b.confirmed THEN 'citizen' ELSE 'system' END, 'resolved', 'closed', NULL, NULL, true,
      CASE WHEN b.confirmed THEN 'Người phản ánh xác nhận đã được xử lý.' ELSE 'Tự động đóng sau 7 ngày không có phản hồi.' END,
      CASE WHEN b.confirmed THEN jsonb_build_object('rating', CASE WHEN b.r_rating < 0.45 THEN 5 WHEN b.r_rating < 0.75 THEN 4
                                                              WHEN b.r_rating < 0.87 THEN 3 WHEN b.r_rating < 0.94 THEN 2 ELSE 1 END)
           ELSE '{}'::jsonb END, b.t_closed)
) AS e(seq, type, actor, role, from_status, to_status, from_unit, to_unit, public, message, data, at)
WHERE e.at <= $1
ORDER BY b.code, e.seq) x),
pe AS (INSERT INTO report_event_personal (event_id, message) SELECT id, message FROM ev WHERE message IS NOT NULL)
${insertEventsSql(
  'id, report_id, type, actor_user_id, actor_role, from_status, to_status, from_unit_id, to_unit_id, is_public, data, created_at',
  'SELECT id, report_id, type, actor, role, from_status, to_status, from_unit, to_unit, public, data, at FROM ev',
)}`;

export interface BatchParams {
  candidates: number;
  poolSize: number;
  now: Date;
  /** People who report: drawn with a skew so that some report often (the operator sees their history). */
  reporters: number;
  operatorId: string | null;
}

/** Builds and inserts one batch on this session; returns the reports and events written. */
export async function insertBatch(client: ClientBase, params: BatchParams): Promise<{ reports: number; events: number }> {
  await client.query('DROP TABLE IF EXISTS pg_temp.gen_batch');
  const built = await client.query(BUILD_BATCH_SQL, [
    params.candidates,
    params.poolSize,
    params.now.toISOString(),
    params.reporters,
    weightedFamilyNames(),
    STREET_PLACES,
    TIME_PHRASES,
    LOCAL_PLACES,
    MALE_MIDDLE,
    FEMALE_MIDDLE,
    MALE_GIVEN,
    FEMALE_GIVEN,
    MOBILE_PREFIXES,
  ]);
  const events = await client.query(INSERT_BATCH_SQL, [
    params.now.toISOString(),
    params.operatorId,
    REJECT_REASONS,
    WAITING_MESSAGES,
    REOPEN_MESSAGES,
  ]);
  await client.query('DROP TABLE pg_temp.gen_batch');
  return { reports: built.rowCount ?? 0, events: events.rowCount ?? 0 };
}
