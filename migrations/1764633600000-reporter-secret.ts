import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One message with a private link per contact of each report its reporter may still act on
 * (open or resolved). The dedupe key makes a second run queue nothing.
 */
export const QUEUE_REPORTER_LINKS = `
      INSERT INTO notification (report_id, channel, recipient, template, payload, dedupe_key)
      SELECT r.id, c.channel, c.recipient, 'citizen.reporter_link', jsonb_build_object('code', r.code), 'reporter-link:' || r.id || ':' || c.channel
        FROM report r
       CROSS JOIN LATERAL (VALUES ('email', r.reporter_email), ('sms', r.reporter_phone)) AS c (channel, recipient)
       WHERE c.recipient IS NOT NULL AND c.recipient <> ''
         AND r.status::text IN ('new', 'assigned', 'in_progress', 'waiting_citizen', 'reopened', 'resolved')
       ORDER BY r.created_at
      ON CONFLICT (dedupe_key) DO NOTHING`;

/**
 * Acting on a ticket needs the reporter's secret, never the public tracking code alone
 * (invariant 7).
 *
 * reporter_secret holds SHA-256 hashes only: the secret given once in the filing answer
 * ('filing', one per report; an idempotent replay of the filing replaces it) and the link token
 * of each message sent to the reporter ('message', one per notification row, with an expiry; a
 * retried send replaces it). The secrets are 256 random bits, so an unsalted fast hash is enough.
 *
 * report_rating makes "one rating per ticket cycle" a constraint: its key is (report, cycle),
 * where a cycle ends when a resolved ticket is reopened. The rating itself stays in the 'rated'
 * timeline event, which the figures read; earlier ratings (in 'rated' events, or in the 'closed'
 * event of imported and seeded history, as the figures read them) are carried over here, the
 * first of each cycle.
 *
 * Reports filed before this change have no secret: each reporter who left a contact and whose
 * ticket they may still act on is sent a message carrying a link (the dedupe key makes a second
 * run send nothing). Reporters without a contact act through the call centre.
 */
export class ReporterSecret1764633600000 implements MigrationInterface {
  name = 'ReporterSecret1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporter_secret (
        id              bigserial PRIMARY KEY,
        report_id       uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        kind            text NOT NULL,
        secret_hash     bytea NOT NULL,
        notification_id bigint REFERENCES notification (id) ON DELETE CASCADE,
        created_at      timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz,
        CONSTRAINT ck_reporter_secret_kind CHECK (kind IN ('filing', 'message')),
        CONSTRAINT ck_reporter_secret_hash CHECK (octet_length(secret_hash) = 32),
        CONSTRAINT ck_reporter_secret_message CHECK (kind = 'filing' OR (notification_id IS NOT NULL AND expires_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_reporter_secret_filing ON reporter_secret (report_id) WHERE kind = 'filing'`);
    await q.query(
      `CREATE UNIQUE INDEX uq_reporter_secret_notification ON reporter_secret (notification_id) WHERE notification_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_reporter_secret_report ON reporter_secret (report_id)`);

    await q.query(`
      CREATE TABLE report_rating (
        report_id  uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        cycle      integer NOT NULL,
        event_id   bigint NOT NULL REFERENCES report_event (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_report_rating PRIMARY KEY (report_id, cycle),
        CONSTRAINT ck_report_rating_cycle CHECK (cycle >= 1)
      )`);
    await q.query(`
      INSERT INTO report_rating (report_id, cycle, event_id, created_at)
      SELECT e.report_id,
             1 + (SELECT count(*) FROM report_event o WHERE o.report_id = e.report_id AND o.type = 'reopened' AND o.id < e.id),
             e.id, e.created_at
        FROM report_event e
       WHERE e.type IN ('rated', 'closed') AND e.data ? 'rating'
       ORDER BY e.id
      ON CONFLICT DO NOTHING`);

    await q.query(QUEUE_REPORTER_LINKS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE template = 'citizen.reporter_link' AND status = 'recorded'`);
    await q.query(`DROP TABLE IF EXISTS report_rating`);
    await q.query(`DROP TABLE IF EXISTS reporter_secret`);
  }
}
