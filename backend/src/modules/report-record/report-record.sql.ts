/**
 * The report's writes that other modules compose into statements of their own, where one
 * statement must stay one for speed (docs/benchmarks.md): filing, the import, the demo seed,
 * routing's batch assignment and the SLA batches. Nothing else
 * writes `report` or `report_event` (report-writers.spec.ts checks the tree).
 */

/**
 * New reports from a set: `INSERT INTO report (<columns>) <rows>` for the set-based loaders
 * (filing, the import, the demo seed), whose rows come from their own staging relation.
 */
export function insertReportsSql(columns: string, rows: string): string {
  return `INSERT INTO report (${columns})\n${rows}`;
}

/** Timeline lines from a set: `INSERT INTO report_event (<columns>) <rows>` (the table is append-only). */
export function insertEventsSql(columns: string, rows: string): string {
  return `INSERT INTO report_event (${columns})\n${rows}`;
}

/**
 * A reader's join of timeline events `e` with their free text as `ep` (`ep.message`; personal
 * details to merge as `e.data || coalesce(ep.data, '{}')`), which report_event_personal holds so
 * that erasure can redact it while the timeline stays append-only.
 */
export const EVENT_PERSONAL_JOIN = `LEFT JOIN report_event_personal ep ON ep.event_id = e.id`;

/**
 * First assignments of a set, as CTEs `lk`, `upd` and `ev` over `a`: a relation with id,
 * version, unit_id, response_due, resolution_due, reason, rule_id, template and dedupe_key.
 * Each report still new, unassigned and at the version its facts were read at gets its unit
 * and deadlines and its `assigned` event; `upd` returns id, unit_id, reason, rule_id, template
 * and dedupe_key of those. The state check is one row comparison on purpose: as `status = 'new'
 * AND assigned_unit_id IS NULL` the planner reads it through the unit/status index (it expects
 * one new report), which under load holds an entry, mostly dead, for every report routed since
 * the last vacuum. Rows are locked in id order first: two batches sharing reports (a replayed
 * job, a re-route) would otherwise lock them in whatever order each join reads them, and deadlock.
 */
export function assignNewCtes(a: string): string {
  return `lk AS (
         SELECT r.id FROM report r JOIN ${a} ON ${a}.id = r.id
          WHERE r.version = ${a}.version AND (r.status, r.assigned_unit_id) IS NOT DISTINCT FROM ('new', NULL)
          ORDER BY r.id FOR UPDATE OF r),
       upd AS (
         UPDATE report r SET assigned_unit_id = ${a}.unit_id, status = 'assigned', response_due_at = ${a}.response_due, resolution_due_at = ${a}.resolution_due,
                updated_at = now(), version = r.version + 1
           FROM ${a}, lk WHERE r.id = ${a}.id AND lk.id = r.id AND r.version = ${a}.version AND (r.status, r.assigned_unit_id) IS NOT DISTINCT FROM ('new', NULL)
         RETURNING r.id, ${a}.unit_id, ${a}.reason, ${a}.rule_id, ${a}.template, ${a}.dedupe_key),
       ev AS (
         INSERT INTO report_event (report_id, type, from_status, to_status, to_unit_id, is_public, data)
         SELECT id, 'assigned', 'new', 'assigned', unit_id, true, jsonb_build_object('reason', reason, 'ruleId', rule_id) FROM upd)`;
}

/** The deadlines of report $1 and whether it was resolved on time, each written only when its flag ($2, $4, $6) is set. */
export const SET_DEADLINES_SQL = `UPDATE report SET
          response_due_at = CASE WHEN $2 THEN $3 ELSE response_due_at END,
          resolution_due_at = CASE WHEN $4 THEN $5 ELSE resolution_due_at END,
          resolved_on_time = CASE WHEN $6 THEN $7 ELSE resolved_on_time END
        WHERE id = $1`;

/**
 * The deadlines of a set of reports from their clocks' due times, given as parallel arrays of
 * report id ($1), clock kind ($2) and due time ($3). One source row per report: UPDATE … FROM
 * applies only one matching row per target.
 */
export const DEADLINES_FROM_CLOCKS_SQL = `UPDATE report r SET response_due_at = CASE WHEN u.has_response THEN u.response ELSE r.response_due_at END,
                             resolution_due_at = CASE WHEN u.has_resolution THEN u.resolution ELSE r.resolution_due_at END
           FROM (SELECT report_id, bool_or(kind = 'response') AS has_response, max(due_at) FILTER (WHERE kind = 'response') AS response,
                        bool_or(kind = 'resolution') AS has_resolution, max(due_at) FILTER (WHERE kind = 'resolution') AS resolution
                   FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS x(report_id, kind, due_at) GROUP BY report_id) u
          WHERE r.id = u.report_id`;

/** Non-public system lines (SLA stages) from parallel arrays of report id ($1), type ($2) and data ($3). */
export const SYSTEM_EVENTS_SQL = `INSERT INTO report_event (report_id, type, is_public, data) SELECT r, t, false, d FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS u(r, t, d)`;

/** One non-public system line: report $1, type $2, data $3. */
export const SYSTEM_EVENT_SQL = `INSERT INTO report_event (report_id, type, is_public, data) VALUES ($1, $2, false, $3)`;
