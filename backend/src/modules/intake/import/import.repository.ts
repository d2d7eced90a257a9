import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, QueryRunner } from 'typeorm';
import { OUTBOX_CHANNEL } from '../../../engine/outbox/outbox-topics';
import { trackingCodeSql } from '../tracking-code';
import type { ImportRow, RejectKind } from './import-row';
import { insertEventsSql, insertReportsSql } from '../../report-record/report-record.sql';
import { ANSWERED_STATUS_SQL } from '../../report-record/report-status';

/** A row the database refused (unknown category, outside the city), with what the file said. */
export interface RefusedRow extends ImportRow {
  kind: Extract<RejectKind, 'unknown_category' | 'outside_city'>;
}

export interface BatchOutcome {
  imported: number;
  /** Of the imported, those still open: they get a report.created outbox row and are routed. */
  open: number;
  /** external_id imported before. */
  skipped: number;
  refused: RefusedRow[];
}

/** The staging table's columns in COPY order, each with the field of ImportRow that copyLine writes to it. */
const STAGE_COLUMNS: readonly (readonly [string, keyof ImportRow])[] = [
  ['source_row', 'row'],
  ['external_id', 'externalId'],
  ['category', 'category'],
  ['lat', 'lat'],
  ['lng', 'lng'],
  ['description', 'description'],
  ['address', 'address'],
  ['created_at', 'createdAt'],
  ['status', 'status'],
  ['closed_at', 'closedAt'],
  ['source_status', 'sourceStatus'],
  ['source_channel', 'sourceChannel'],
];

const UNIQUE_VIOLATION = '23505';
// A concurrent writer can commit a tracking code or an external id this batch also chose; the
// batch is then resolved again from scratch (the second time the external id is seen as known).
const BATCH_ATTEMPTS = 5;
const CODE_BITS = 2 ** 30;

/** One staged batch, resolved: every column the statements below need, one row per staged row. */
const BATCH_TABLE_SQL = `
CREATE TEMP TABLE import_batch (
  source_row integer NOT NULL, external_id text NOT NULL, category text NOT NULL, lat float8 NOT NULL, lng float8 NOT NULL,
  pt geometry(Point, 4326) NOT NULL, description text NOT NULL, address text, created_at timestamptz NOT NULL, closed_at timestamptz,
  created_text text NOT NULL, closed_text text, status text NOT NULL, source_status text NOT NULL, source_channel text,
  known boolean NOT NULL, category_id integer, default_priority priority, admin_unit_id bigint, ward_code varchar(5),
  refused text, accepted boolean NOT NULL, id uuid NOT NULL, code text NOT NULL)`;

/**
 * Resolves the staged rows: each row's category (active, by code), its ward (the rule of
 * GeoRepository.locate: the current unit containing the point, lowest code first; else the
 * nearest within 100 m, for the slivers between simplified boundaries), whether its external
 * id was imported before, a fresh id and a tracking code. Known rows skip the lookups.
 */
const RESOLVE_SQL = `
INSERT INTO import_batch (source_row, external_id, category, lat, lng, pt, description, address, created_at, closed_at, created_text,
                          closed_text, status, source_status, source_channel, known, category_id, default_priority, admin_unit_id,
                          ward_code, refused, accepted, id, code)
WITH staged AS (
  SELECT s.*, s.created_at::timestamptz AS created_tz, s.closed_at::timestamptz AS closed_tz,
         ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326) AS pt, (random() * ${CODE_BITS})::bigint AS bits, k.known IS NOT NULL AS known
  FROM import_stage s
  -- One probe of the unique index per row: as an EXISTS the planner may hash every imported id
  -- on each batch, which grows with the table; with a LIMIT it may scan the table for each row.
  LEFT JOIN LATERAL (
    SELECT true AS known FROM report r WHERE r.channel = 'import' AND r.attributes ->> 'external_id' = s.external_id
  ) k ON true
), resolved AS (
  SELECT s.*, c.id AS category_id, c.default_priority, w.id AS admin_unit_id, w.code AS ward_code
  FROM staged s
  LEFT JOIN category c ON c.code = s.category AND c.active AND NOT s.known
  LEFT JOIN LATERAL (
    (SELECT a.id, a.code FROM import_ward a WHERE NOT s.known AND ST_Intersects(a.geom, s.pt) ORDER BY a.code LIMIT 1)
    UNION ALL
    (SELECT a.id, a.code FROM import_ward a
      WHERE NOT s.known AND ST_DWithin(a.geom::geography, s.pt::geography, 100)
      ORDER BY ST_Distance(a.geom::geography, s.pt::geography) LIMIT 1)
    LIMIT 1
  ) w ON true
)
SELECT r.source_row, r.external_id, r.category, r.lat, r.lng, r.pt, r.description, r.address, r.created_tz, r.closed_tz,
       r.created_at, r.closed_at, r.status, r.source_status, r.source_channel, r.known, r.category_id, r.default_priority,
       r.admin_unit_id, r.ward_code,
       CASE WHEN r.known THEN NULL WHEN r.category_id IS NULL THEN 'unknown_category' WHEN r.admin_unit_id IS NULL THEN 'outside_city' END,
       NOT r.known AND r.category_id IS NOT NULL AND r.admin_unit_id IS NOT NULL,
       gen_random_uuid(),
       ${trackingCodeSql('r.created_tz', 'r.bits')}
FROM resolved r`;

/** Rows whose code is taken already, or drawn twice in this batch (the later one). Usually none. */
const CODE_CLASHES_SQL = `
SELECT d.source_row
FROM (SELECT i.source_row, i.code, row_number() OVER (PARTITION BY i.code COLLATE "C" ORDER BY i.source_row) AS n
      FROM import_batch i WHERE i.accepted) d
LEFT JOIN LATERAL (SELECT true AS taken FROM report r WHERE r.code = d.code LIMIT 1) t ON true
WHERE d.n > 1 OR t.taken`;

const REDRAW_CODES_SQL = `
UPDATE import_batch b SET code = ${trackingCodeSql('b.created_at', 'x.bits')}
FROM (SELECT u.source_row, (random() * ${CODE_BITS})::bigint AS bits FROM unnest($1::int[]) AS u(source_row)) x
WHERE b.source_row = x.source_row`;

/**
 * The reports. Open ones start as 'new' (routing assigns them); the others keep their end state
 * and date: resolved_at for resolved and closed (the source systems record one end date),
 * closed_at for closed. updated_at is the last event's time; version counts the events.
 */
const INSERT_REPORTS_SQL = insertReportsSql(
  `id, code, channel, category_id, description, point, address, admin_unit_id, ward_code, status, priority,
                    attributes, version, created_at, updated_at, resolved_at, closed_at`,
  `SELECT b.id, b.code, 'import', b.category_id, b.description, b.pt, b.address, b.admin_unit_id, b.ward_code,
       b.status::report_status, b.default_priority, jsonb_build_object('external_id', b.external_id),
       CASE WHEN b.status = 'new' THEN 1 ELSE 2 END, b.created_at,
       CASE WHEN b.status = 'new' THEN b.created_at ELSE coalesce(b.closed_at, $1) END,
       CASE WHEN b.status IN ${ANSWERED_STATUS_SQL} THEN b.closed_at END,
       CASE WHEN b.status = 'closed' THEN b.closed_at END
FROM import_batch b
WHERE b.accepted`,
);

/**
 * The timeline: 'created' at the file's date, with where the report came from; then, in a
 * second statement so that its id follows, the event that ended an ended report, at its date;
 * when the file gives none, at the time of the import, marked dateUnknown, rather than an
 * invented date.
 */
const INSERT_CREATED_EVENTS_SQL = insertEventsSql(
  'report_id, type, to_status, is_public, data, created_at',
  `SELECT b.id, 'created', 'new', true,
       jsonb_strip_nulls(jsonb_build_object('channel', 'import', 'externalId', b.external_id, 'sourceStatus', b.source_status,
                                            'sourceChannel', b.source_channel)),
       b.created_at
FROM import_batch b
WHERE b.accepted`,
);

const INSERT_END_EVENTS_SQL = insertEventsSql(
  'report_id, type, actor_role, from_status, to_status, is_public, data, created_at',
  `SELECT b.id, b.status, 'system', 'new', b.status::report_status, true,
       CASE WHEN b.closed_at IS NULL THEN '{"imported": true, "dateUnknown": true}' ELSE '{"imported": true}' END::jsonb,
       coalesce(b.closed_at, $1)
FROM import_batch b
WHERE b.accepted AND b.status <> 'new'`,
);

/** Open reports need routing, like any filed report; ended ones do not. */
const INSERT_OUTBOX_SQL = `
INSERT INTO outbox (topic, aggregate_id)
SELECT 'report.created', b.id::text FROM import_batch b WHERE b.accepted AND b.status = 'new'`;

const OUTCOME_SQL = `
SELECT count(*) FILTER (WHERE accepted)::int AS imported,
       count(*) FILTER (WHERE accepted AND status = 'new')::int AS open,
       count(*) FILTER (WHERE accepted AND status <> 'new')::int AS ended,
       count(*) FILTER (WHERE known)::int AS skipped
FROM import_batch`;

const REFUSED_SQL = `
SELECT source_row AS row, refused AS kind, external_id AS "externalId", category, lat, lng, description, address,
       created_text AS "createdAt", status, source_status AS "sourceStatus", closed_text AS "closedAt", source_channel AS "sourceChannel"
FROM import_batch WHERE refused IS NOT NULL ORDER BY source_row`;

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyLine(r: ImportRow): string {
  return STAGE_COLUMNS.map(([, field]) => copyField(r[field])).join('\t') + '\n';
}

/**
 * One database session for a whole import: a temporary staging table filled by COPY, and the
 * set-based move of each staged batch into report, report_event and outbox.
 */
export class ImportSession {
  private inTransaction = false;

  constructor(
    private readonly runner: QueryRunner,
    private readonly client: PoolClient,
  ) {}

  /**
   * The session's tables. Dates are staged as the text the file had: checked already, read by
   * PostgreSQL per batch, and given back as written in the rejected file.
   */
  async prepare(): Promise<void> {
    // Each batch's tables live in temp buffers: 64 MB holds 50k rows without spilling to disk.
    // Takes effect only before the session's first temp table.
    await this.client.query(`SET temp_buffers = '64MB'`);
    await this.client.query(`SET work_mem = '64MB'`);
    // The planner's costs for a batch cross the JIT thresholds, and compiling cost ~0.6 s a batch
    // (EXPLAIN ANALYZE, 50k rows) for statements that run once: more than it ever gains.
    await this.client.query(`SET jit = off`);
    // A file's COPY and a 50k-row batch are single statements longer than the API's limit
    // (DATABASE_STATEMENT_TIMEOUT_MS); an import is a batch job, not a request.
    await this.client.query(`SET statement_timeout = 0`);
    await this.client.query(`
      CREATE TEMP TABLE import_stage (
        source_row integer NOT NULL, external_id text NOT NULL, category text NOT NULL, lat float8 NOT NULL, lng float8 NOT NULL,
        description text NOT NULL, address text, created_at text NOT NULL, status text NOT NULL, closed_at text,
        source_status text NOT NULL, source_channel text)`);
    await this.client.query(BATCH_TABLE_SQL);
    // The current wards, copied for this session uncompressed: the larger polygons (up to 5 kB)
    // are otherwise decompressed on every point tested; the copy measured 30 % faster lookups.
    await this.client.query(
      `CREATE TEMP TABLE import_ward (id bigint NOT NULL, code varchar(5) NOT NULL, geom geometry(MultiPolygon, 4326) NOT NULL)`,
    );
    await this.client.query(`ALTER TABLE import_ward ALTER COLUMN geom SET STORAGE EXTERNAL`);
    await this.client.query(`INSERT INTO import_ward SELECT id, code, geom FROM admin_unit WHERE valid_to IS NULL AND geom IS NOT NULL`);
    await this.client.query(`CREATE INDEX ON import_ward USING gist (geom)`);
    await this.client.query(`ANALYZE import_ward`);
  }

  /** Streams COPY text lines (see copyLine) into the staging table. */
  async stage(lines: AsyncIterable<string>): Promise<void> {
    const copy = this.client.query(copyFrom(`COPY import_stage (${STAGE_COLUMNS.map(([column]) => column).join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(lines), copy);
  }

  /** A dry run holds one transaction over every batch and rolls it back at the end. */
  async begin(): Promise<void> {
    await this.client.query('BEGIN');
    this.inTransaction = true;
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
    this.inTransaction = false;
  }

  /**
   * Moves the staged rows in one transaction of their own (or, in a dry run, a savepoint of the
   * open one), then empties the staging table.
   */
  async moveBatch(now: Date): Promise<BatchOutcome> {
    const [start, commit, undo] = this.inTransaction
      ? ['SAVEPOINT import_batch', 'RELEASE SAVEPOINT import_batch', 'ROLLBACK TO SAVEPOINT import_batch']
      : ['BEGIN', 'COMMIT', 'ROLLBACK'];
    for (let attempt = 1; ; attempt++) {
      await this.client.query(start);
      try {
        const outcome = await this.move(now);
        await this.client.query(commit);
        // One wake-up for the relay per batch, after the commit: a NOTIFY inside the transaction
        // would hold PostgreSQL's notify lock through the commit and stall every other notifier.
        if (outcome.open > 0 && !this.inTransaction) await this.client.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
        await this.client.query('TRUNCATE import_stage');
        return outcome;
      } catch (err) {
        await this.client.query(undo);
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= BATCH_ATTEMPTS) throw err;
      }
    }
  }

  private async move(now: Date): Promise<BatchOutcome> {
    const c = this.client;
    await c.query('TRUNCATE import_batch');
    await c.query(RESOLVE_SQL);
    // 2^30 codes a day: a clash is rare, and only the clashing rows draw again.
    for (;;) {
      const clashes: number[] = (await c.query(CODE_CLASHES_SQL)).rows.map((r: { source_row: number }) => r.source_row);
      if (clashes.length === 0) break;
      await c.query(REDRAW_CODES_SQL, [clashes]);
    }
    const [{ imported, open, ended, skipped }] = (await c.query(OUTCOME_SQL)).rows;
    if (imported > 0) {
      await c.query(INSERT_REPORTS_SQL, [now]);
      await c.query(INSERT_CREATED_EVENTS_SQL);
    }
    if (ended > 0) await c.query(INSERT_END_EVENTS_SQL, [now]);
    if (open > 0) await c.query(INSERT_OUTBOX_SQL);
    const refused: RefusedRow[] = (await c.query(REFUSED_SQL)).rows;
    return { imported, open, skipped, refused };
  }

  async release(): Promise<void> {
    try {
      if (this.inTransaction) await this.rollback();
      await this.client.query('DROP TABLE IF EXISTS pg_temp.import_stage, pg_temp.import_batch, pg_temp.import_ward');
      await this.client.query('RESET temp_buffers; RESET work_mem; RESET jit; RESET statement_timeout');
    } finally {
      await this.runner.release();
    }
  }
}

@Injectable()
export class ImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A session on one pooled connection: temp tables and COPY need the same connection throughout. */
  async openSession(): Promise<ImportSession> {
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    return new ImportSession(runner, client);
  }
}
