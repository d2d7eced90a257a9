import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aggregates behind the leaders' density layers, kept current by the worker in batches and never
 * inside the intake transaction.
 *
 * - `report_agg_pending` is the change feed: statement-level triggers append the ids of reports
 *   whose aggregated fields changed (one INSERT … SELECT per statement, into a heap with no index),
 *   and of reports whose resolution clock reached a stage (warning, breach). The aggregator drains
 *   it; rows of transactions still running are invisible and taken on a later pass.
 * - `report_agg_state` is each report's current contribution (day, category, unit, status, SLA
 *   state, grid cell, H3 cells), so a change is applied as a delta: minus the old, plus the new.
 * - Cells are of five kinds: square grid cells of levels 8, 10 and 12 (a level-L cell is 1/64 of a
 *   zoom-L tile side; `cell` = gx << 20 | gy, and a coarser cell is the finer one shifted right),
 *   and H3 cells of resolution 8 and 9 (kinds 108 and 109; `cell` = the H3 index).
 * - `report_cell_day` counts reports per cell, local day, category, unit, status and SLA state: what
 *   filtered tiles read. `report_cell_total` holds per cell the totals by status without those
 *   dimensions, per day (grain 1) and per month (grain 2), so unfiltered tiles over long periods
 *   read a few rows per cell.
 * - `h3_cell` holds each H3 cell's outline.
 */
export class ReportAggregates1764288000000 implements MigrationInterface {
  name = 'ReportAggregates1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE report_agg_pending (report_id uuid NOT NULL)`);
    await q.query(`
      CREATE FUNCTION report_agg_enqueue_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_agg_pending (report_id) SELECT id FROM new_rows;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_agg_enqueue_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_agg_pending (report_id)
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.status, n.category_id, n.assigned_unit_id, n.point_3857, n.resolution_due_at, n.created_at)
               IS DISTINCT FROM (o.status, o.category_id, o.assigned_unit_id, o.point_3857, o.resolution_due_at, o.created_at);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_agg_enqueue_staged() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_agg_pending (report_id) SELECT report_id FROM new_rows WHERE kind = 'resolution';
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_report_agg_inserted AFTER INSERT ON report
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_agg_enqueue_inserted()`);
    await q.query(`
      CREATE TRIGGER tr_report_agg_updated AFTER UPDATE ON report
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_agg_enqueue_updated()`);
    await q.query(`
      CREATE TRIGGER tr_report_agg_staged AFTER INSERT ON sla_stage_event
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_agg_enqueue_staged()`);

    await q.query(`
      CREATE TABLE report_agg_state (
        report_id    uuid PRIMARY KEY,
        day          date NOT NULL,
        category_id  integer NOT NULL,
        unit_id      uuid,
        status       report_status NOT NULL,
        sla          smallint NOT NULL,
        gx           integer NOT NULL,
        gy           integer NOT NULL,
        h8           bigint NOT NULL,
        h9           bigint NOT NULL,
        CONSTRAINT ck_report_agg_state_sla CHECK (sla IN (0, 1, 2))
      )`);
    // Counts change in place on every pass: room on each page keeps those updates HOT.
    await q.query(`
      CREATE TABLE report_cell_day (
        kind         smallint NOT NULL,
        day          date NOT NULL,
        cell         bigint NOT NULL,
        category_id  integer NOT NULL,
        unit_id      uuid,
        status       report_status NOT NULL,
        sla          smallint NOT NULL,
        n            integer NOT NULL,
        CONSTRAINT ck_report_cell_day_kind CHECK (kind IN (8, 10, 12, 108, 109))
      ) WITH (fillfactor = 80)`);
    await q.query(`
      CREATE UNIQUE INDEX ux_report_cell_day ON report_cell_day (kind, day, cell, category_id, unit_id, status, sla) NULLS NOT DISTINCT`);
    await q.query(`
      CREATE TABLE report_cell_total (
        kind      smallint NOT NULL,
        grain     smallint NOT NULL,
        start     date NOT NULL,
        cell      bigint NOT NULL,
        n         integer NOT NULL,
        open      integer NOT NULL,
        warning   integer NOT NULL,
        overdue   integer NOT NULL,
        resolved  integer NOT NULL,
        rejected  integer NOT NULL,
        CONSTRAINT pk_report_cell_total PRIMARY KEY (kind, grain, start, cell),
        CONSTRAINT ck_report_cell_total_kind CHECK (kind IN (8, 10, 12, 108, 109)),
        CONSTRAINT ck_report_cell_total_grain CHECK (grain IN (1, 2))
      ) WITH (fillfactor = 80)`);
    await q.query(`
      CREATE TABLE h3_cell (
        h3    bigint PRIMARY KEY,
        res   smallint NOT NULL,
        geom  geometry(Polygon, 3857) NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_h3_cell_geom ON h3_cell USING gist (geom)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS tr_report_agg_staged ON sla_stage_event`);
    await q.query(`DROP TRIGGER IF EXISTS tr_report_agg_updated ON report`);
    await q.query(`DROP TRIGGER IF EXISTS tr_report_agg_inserted ON report`);
    await q.query(`DROP FUNCTION IF EXISTS report_agg_enqueue_staged()`);
    await q.query(`DROP FUNCTION IF EXISTS report_agg_enqueue_updated()`);
    await q.query(`DROP FUNCTION IF EXISTS report_agg_enqueue_inserted()`);
    await q.query(`DROP TABLE IF EXISTS h3_cell, report_cell_total, report_cell_day, report_agg_state, report_agg_pending`);
  }
}
