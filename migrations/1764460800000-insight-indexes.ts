import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the leaders' figures, measured on a million reports:
 * - recurring places probe, for each recent report, the reports resolved nearby in the days before
 *   it: a GiST index over (point, resolution time) answers both bounds at once (btree_gist), where
 *   the point index alone visited every report ever filed within 50 m (~40 heap rows a probe);
 * - the on-time figures read the reports resolved in a period (no more sequential scan) and the
 *   citizen's rating of each (the rating events only, not the whole timeline).
 */
export class InsightIndexes1764460800000 implements MigrationInterface {
  name = 'InsightIndexes1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(
      `CREATE INDEX ix_report_done_point ON report USING gist (point_3857, resolved_at) WHERE status IN ('resolved', 'closed')`,
    );
    await q.query(`CREATE INDEX ix_report_resolved_at ON report (resolved_at) WHERE resolved_on_time IS NOT NULL`);
    await q.query(
      `CREATE INDEX ix_report_event_rating ON report_event (report_id, id) WHERE type IN ('rated', 'closed') AND data ? 'rating'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_report_event_rating`);
    await q.query(`DROP INDEX IF EXISTS ix_report_resolved_at`);
    await q.query(`DROP INDEX IF EXISTS ix_report_done_point`);
  }
}
