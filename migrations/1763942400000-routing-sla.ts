import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing and SLA: SLA policies per category × priority, one clock per (ticket, kind, cycle)
 * whose transitions are kept so deadlines can be recomputed, the record of every stage fired
 * (unique: invariant 3, a stage fires exactly once), the per-ticket deadline summary the unit
 * queues sort by, and the notifications the escalation ladder sends.
 */
export class RoutingSla1763942400000 implements MigrationInterface {
  name = 'RoutingSla1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE sla_mode AS ENUM ('business', 'calendar')`);
    await q.query(`CREATE TYPE sla_kind AS ENUM ('response', 'resolution')`);
    await q.query(`
      CREATE TABLE sla_policy (
        id                 serial PRIMARY KEY,
        category_id        integer REFERENCES category (id),
        priority           priority NOT NULL,
        response_minutes   integer NOT NULL CONSTRAINT ck_sla_policy_response CHECK (response_minutes > 0),
        resolution_minutes integer NOT NULL CONSTRAINT ck_sla_policy_resolution CHECK (resolution_minutes > 0),
        mode               sla_mode NOT NULL DEFAULT 'business',
        valid_from         timestamptz NOT NULL DEFAULT now(),
        valid_to           timestamptz,
        created_by         uuid REFERENCES app_user (id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_sla_policy_validity CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await q.query(`CREATE INDEX ix_sla_policy_lookup ON sla_policy (category_id, priority)`);

    await q.query(`
      CREATE TABLE sla_clock (
        id             bigserial PRIMARY KEY,
        report_id      uuid NOT NULL REFERENCES report (id),
        kind           sla_kind NOT NULL,
        cycle          integer NOT NULL DEFAULT 1,
        policy_id      integer REFERENCES sla_policy (id),
        mode           sla_mode NOT NULL,
        target_ms      bigint NOT NULL,
        transitions    jsonb NOT NULL DEFAULT '[]',
        state          text NOT NULL CONSTRAINT ck_sla_clock_state CHECK (state IN ('running', 'paused', 'stopped')),
        due_at         timestamptz,
        next_stage     text,
        next_stage_at  timestamptz,
        met            boolean,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_sla_clock UNIQUE (report_id, kind, cycle)
      )`);
    // The sweeper's question: which running clocks have a stage due that has not fired?
    await q.query(
      `CREATE INDEX ix_sla_clock_next_stage ON sla_clock (next_stage_at) WHERE state = 'running' AND next_stage_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE sla_stage_event (
        id         bigserial PRIMARY KEY,
        report_id  uuid NOT NULL REFERENCES report (id),
        kind       sla_kind NOT NULL,
        cycle      integer NOT NULL,
        stage      text NOT NULL,
        due_at     timestamptz NOT NULL,
        fired_at   timestamptz NOT NULL DEFAULT now(),
        fired_by   text NOT NULL,
        CONSTRAINT uq_sla_stage_event UNIQUE (report_id, kind, stage, cycle)
      )`);

    await q.query(`ALTER TABLE report ADD COLUMN response_due_at timestamptz`);
    await q.query(`ALTER TABLE report ADD COLUMN resolution_due_at timestamptz`);
    await q.query(`ALTER TABLE report ADD COLUMN resolved_on_time boolean`);
    await q.query(
      `CREATE INDEX ix_report_unit_due ON report (assigned_unit_id, resolution_due_at) WHERE status NOT IN ('resolved', 'closed', 'rejected', 'merged')`,
    );

    await q.query(`
      CREATE TABLE notification (
        id           bigserial PRIMARY KEY,
        report_id    uuid REFERENCES report (id),
        channel      text NOT NULL,
        recipient    text NOT NULL,
        unit_id      uuid REFERENCES handling_unit (id),
        template     text NOT NULL,
        payload      jsonb NOT NULL DEFAULT '{}',
        dedupe_key   text NOT NULL,
        status       text NOT NULL DEFAULT 'recorded',
        created_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_notification_dedupe UNIQUE (dedupe_key)
      )`);
    await q.query(`CREATE INDEX ix_notification_report ON notification (report_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification`);
    await q.query(`DROP INDEX IF EXISTS ix_report_unit_due`);
    await q.query(`ALTER TABLE report DROP COLUMN IF EXISTS resolved_on_time`);
    await q.query(`ALTER TABLE report DROP COLUMN IF EXISTS resolution_due_at`);
    await q.query(`ALTER TABLE report DROP COLUMN IF EXISTS response_due_at`);
    await q.query(`DROP TABLE IF EXISTS sla_stage_event`);
    await q.query(`DROP TABLE IF EXISTS sla_clock`);
    await q.query(`DROP TABLE IF EXISTS sla_policy`);
    await q.query(`DROP TYPE IF EXISTS sla_kind`);
    await q.query(`DROP TYPE IF EXISTS sla_mode`);
  }
}
