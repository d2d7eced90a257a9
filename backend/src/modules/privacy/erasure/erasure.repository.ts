import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PERSONAL_DATA, PersonalDataEntry, SubjectLink } from '../../../engine/privacy/personal-data-registry';

/** The subject's values as the statements take them. */
export interface SubjectKeys {
  reportIds: string[];
  phones: string[];
  /** Lower-cased. */
  emails: string[];
}

/** A free-text cell read for masking: its row, its value, and whether the row is the subject's own. */
export interface TextCell {
  table: string;
  column: string;
  id: string;
  value: unknown;
  own: boolean;
  json: boolean;
}

/**
 * What one erasure did, without the erased values: enough to do it again on a restored backup.
 * Texts are given as they read after the erasure.
 */
export interface ErasureActions {
  reports: string[];
  blanked: { table: string; column: string; ids: string[] }[];
  deleted: { table: string; ids: string[] }[];
  files: { table: string; ids: string[]; keys: string[] }[];
  texts: { table: string; column: string; id: string; value: unknown; json: boolean }[];
  events: { id: string; message: string | null; data: Record<string, unknown> | null }[];
  /** Audit events whose searched number was the subject's. */
  audit: string[];
}

export interface LoggedErasure {
  id: string;
  requestId: string | null;
  erasedAt: Date;
  actions: ErasureActions;
}

/** An event's free text in report_event_personal. */
export interface EventText {
  id: string;
  message: string | null;
  data: Record<string, unknown> | null;
  own?: boolean;
}

/**
 * The rows of each table that a subject link selects, over alias `t` and the subject's keys `k`
 * (report ids, phone numbers, lower-cased e-mails: `SUBJECT_KEYS`).
 */
const LINK_SQL: Record<SubjectLink, string> = {
  reporter: `t.id = ANY(k.reports)`,
  report: `t.report_id = ANY(k.reports)`,
  caller: `t.phone = ANY(k.phones)`,
  recipient: `(t.recipient = ANY(k.phones) OR lower(t.recipient) = ANY(k.emails)
               OR (t.report_id = ANY(k.reports) AND t.unit_id IS NULL AND t.channel IN ('email', 'sms')))`,
};

/** The CTE `k` of LINK_SQL, from $1, $2 and $3. */
const SUBJECT_KEYS = `k AS (SELECT $1::uuid[] AS reports, $2::text[] AS phones, $3::text[] AS emails)`;

/**
 * The key of each table holding free text or linked rows, and the report a row belongs to (whose
 * reporter's text gets the public patterns masked too). A registry entry naming a table not in
 * this list fails erasure at once rather than being skipped (erasure.repository.spec.ts).
 */
export const ROW_KEYS: Readonly<Record<string, { id: string; report: string }>> = {
  report: { id: 'id', report: 'id' },
  report_caller: { id: 'id', report: 'report_id' },
  notification: { id: 'id', report: 'report_id' },
  reporter_secret: { id: 'id', report: 'report_id' },
  attachment: { id: 'id', report: 'report_id' },
};

/** What blanking a registered column does to the rest of its row: a queued message to the subject is given up. */
const BLANK_ALSO: Readonly<Record<string, string>> = {
  'notification.recipient': `status = CASE WHEN status = 'recorded' THEN 'failed' ELSE status END,
                             last_error = CASE WHEN status = 'recorded' THEN 'recipient erased' ELSE last_error END`,
};

type ColumnEntry = Extract<PersonalDataEntry, { store: 'column' }>;
type FilesEntry = Extract<PersonalDataEntry, { store: 'files' }>;

/** Registry entries erasure blanks by row. */
export function blankedColumns(): ColumnEntry[] {
  return PERSONAL_DATA.filter((e): e is ColumnEntry => e.store === 'column' && e.erasure === 'blank' && e.subject !== undefined);
}

/** Registry tables erasure deletes the subject's rows of, with their link. */
export function deletedTables(): { table: string; link: SubjectLink; columns: string[] }[] {
  const byTable = new Map<string, { table: string; link: SubjectLink; columns: string[] }>();
  for (const e of PERSONAL_DATA)
    if (e.store === 'column' && e.erasure === 'delete' && e.subject) {
      const t = byTable.get(e.table) ?? { table: e.table, link: e.subject, columns: [] };
      if (t.link !== e.subject) throw new Error(`${e.table}: one table, one subject link`);
      t.columns.push(e.column);
      byTable.set(e.table, t);
    }
  return [...byTable.values()];
}

/** Free-text columns of mutable tables that erasure masks (the timeline's side table is rewritten by its function, below). */
export function maskedColumns(): ColumnEntry[] {
  return PERSONAL_DATA.filter(
    (e): e is ColumnEntry =>
      e.store === 'column' && e.table in ROW_KEYS && (e.erasure === 'anonymise' || (e.kind === 'free_text' && e.erasure !== 'keep')),
  );
}

/** File stores whose objects erasure deletes: `rows` reads `<table> WHERE <condition>`. */
export function deletedFileStores(): { table: string; where: string; link: SubjectLink }[] {
  return PERSONAL_DATA.filter((e): e is FilesEntry => e.store === 'files' && e.erasure === 'delete' && e.subject !== undefined).map((e) => {
    const m = /^(\w+) WHERE (.+)$/.exec(e.rows);
    if (!m) throw new Error(`files entry "${e.name}": rows must read "<table> WHERE <condition>"`);
    return { table: m[1], where: m[2], link: e.subject! };
  });
}

/**
 * The erasure's SQL, generated from the personal-data registry (the one list of where personal
 * data sits), so a store registered with a subject link is erased without a second list here.
 * It spans the tables of several modules on purpose: one erasure is one transaction.
 */
@Injectable()
export class ErasureRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The subject's reports: those given, and those filed with the subject's phone or e-mail; locked. */
  async subjectReports(
    tx: EntityManager,
    keys: SubjectKeys,
  ): Promise<{ id: string; name: string | null; phone: string | null; email: string | null }[]> {
    return tx.query(
      `SELECT id, reporter_name AS name, reporter_phone AS phone, reporter_email AS email FROM report t
        WHERE t.id = ANY($1::uuid[]) OR t.reporter_phone = ANY($2::text[]) OR lower(t.reporter_email) = ANY($3::text[])
        ORDER BY id FOR UPDATE`,
      [keys.reportIds, keys.phones, keys.emails],
    );
  }

  /** Blanks one registered column on the subject's rows; returns the ids of the rows changed. */
  async blank(tx: EntityManager, entry: ColumnEntry, keys: SubjectKeys): Promise<string[]> {
    const [{ nullable }] = await tx.query(
      `SELECT is_nullable = 'YES' AS nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`,
      [entry.table, entry.column],
    );
    const empty = nullable ? 'NULL' : `''`;
    const also = BLANK_ALSO[`${entry.table}.${entry.column}`];
    const rows: { id: string }[] = await tx.query(
      `WITH ${SUBJECT_KEYS},
       u AS (UPDATE ${entry.table} t SET ${entry.column} = ${empty}${also ? `, ${also}` : ''}
                FROM k WHERE ${LINK_SQL[entry.subject!]} AND t.${entry.column} IS NOT NULL AND t.${entry.column}::text <> '' RETURNING t.id)
       SELECT id::text FROM u`,
      [keys.reportIds, keys.phones, keys.emails],
    );
    return rows.map((r) => r.id);
  }

  /** Blanks one registered column on the rows `ids` where it still holds a value (a replay); returns how many. */
  async blankIds(tx: EntityManager, table: string, column: string, ids: string[]): Promise<number> {
    const entry = blankedColumns().find((e) => e.table === table && e.column === column);
    if (!entry) throw new Error(`${table}.${column} is not a column erasure blanks`);
    const [{ nullable }] = await tx.query(
      `SELECT is_nullable = 'YES' AS nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`,
      [table, column],
    );
    const also = BLANK_ALSO[`${table}.${column}`];
    const rows = await tx.query(
      `WITH u AS (UPDATE ${table} t SET ${column} = ${nullable ? 'NULL' : `''`}${also ? `, ${also}` : ''}
                   WHERE t.${ROW_KEYS[table].id}::text = ANY($1::text[]) AND t.${column} IS NOT NULL AND t.${column}::text <> '' RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [ids],
    );
    return rows[0].n;
  }

  /** Deletes the rows `ids` of a table erasure deletes from, where still there (a replay); returns how many. */
  async deleteIds(tx: EntityManager, table: string, ids: string[]): Promise<number> {
    if (!(table in ROW_KEYS) || (!deletedTables().some((t) => t.table === table) && !deletedFileStores().some((f) => f.table === table)))
      throw new Error(`${table} is not a table erasure deletes from`);
    const rows = await tx.query(
      `WITH d AS (DELETE FROM ${table} t WHERE t.${ROW_KEYS[table].id}::text = ANY($1::text[]) RETURNING 1) SELECT count(*)::int AS n FROM d`,
      [ids],
    );
    return rows[0].n;
  }

  /** Writes a logged text back where the cell reads otherwise (a replay); returns whether it did. */
  async restoreText(tx: EntityManager, text: ErasureActions['texts'][number]): Promise<boolean> {
    if (!maskedColumns().some((e) => e.table === text.table && e.column === text.column))
      throw new Error(`${text.table}.${text.column} is not a column erasure masks`);
    const value = text.json ? JSON.stringify(text.value) : text.value;
    const rows = await tx.query(
      `WITH u AS (UPDATE ${text.table} SET ${text.column} = $2 WHERE ${ROW_KEYS[text.table].id} = $1 AND ${text.column} IS DISTINCT FROM $2 RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [text.id, value],
    );
    return rows[0].n > 0;
  }

  async appendLog(tx: EntityManager, requestId: string | null, actions: ErasureActions): Promise<string> {
    const [{ id }] = await tx.query(`INSERT INTO erasure_log (request_id, actions) VALUES ($1, $2) RETURNING id::text AS id`, [
      requestId,
      JSON.stringify(actions),
    ]);
    return id;
  }

  /** The storage keys earlier erasures of request `requestId` deleted the rows of (their objects are deleted again, harmlessly). */
  async loggedKeysOf(requestId: string): Promise<string[]> {
    const rows: { key: string }[] = await this.db.query(
      `SELECT DISTINCT k.key FROM erasure_log l, jsonb_array_elements(l.actions->'files') f, jsonb_array_elements_text(f->'keys') AS k(key)
        WHERE l.request_id = $1`,
      [requestId],
    );
    return rows.map((r) => r.key);
  }

  /** The erasures logged at or after `since`, oldest first. */
  async loggedSince(since: Date): Promise<LoggedErasure[]> {
    return this.db.query(
      `SELECT id::text AS id, request_id AS "requestId", erased_at AS "erasedAt", actions FROM erasure_log WHERE erased_at >= $1 ORDER BY erased_at, id`,
      [since],
    );
  }

  /** Deletes the subject's rows of a table; returns their ids. */
  async deleteRows(tx: EntityManager, table: string, link: SubjectLink, keys: SubjectKeys): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `WITH ${SUBJECT_KEYS}, d AS (DELETE FROM ${table} t USING k WHERE ${LINK_SQL[link]} RETURNING t.id) SELECT id::text FROM d`,
      [keys.reportIds, keys.phones, keys.emails],
    );
    return rows.map((r) => r.id);
  }

  /** Deletes the rows of a file store that are the subject's; returns their ids and storage keys. */
  async deleteFiles(
    tx: EntityManager,
    store: { table: string; where: string; link: SubjectLink },
    keys: SubjectKeys,
  ): Promise<{ id: string; key: string }[]> {
    return tx.query(
      `WITH ${SUBJECT_KEYS}, d AS (DELETE FROM ${store.table} t USING k WHERE (${store.where}) AND ${LINK_SQL[store.link]} RETURNING t.id, t.storage_key)
       SELECT id::text, storage_key AS key FROM d`,
      [keys.reportIds, keys.phones, keys.emails],
    );
  }

  /**
   * The free-text cells to mask: every cell of the subject's own reports' rows, and elsewhere those
   * matching one of `patterns` (PostgreSQL regular expressions, case-insensitive), locked.
   */
  async textCells(tx: EntityManager, entry: ColumnEntry, reportIds: string[], patterns: string[]): Promise<TextCell[]> {
    const key = ROW_KEYS[entry.table];
    const rows: { id: string; value: unknown; own: boolean; json: boolean }[] = await tx.query(
      `SELECT t.${key.id}::text AS id, t.${entry.column} AS value, t.${key.report} = ANY($1::uuid[]) AS own,
              pg_typeof(t.${entry.column}) = 'jsonb'::regtype AS json
         FROM ${entry.table} t
        WHERE t.${entry.column} IS NOT NULL
          AND (t.${key.report} = ANY($1::uuid[]) OR t.${entry.column}::text ~* ANY($2::text[]))
        ORDER BY 1 FOR UPDATE`,
      [reportIds, patterns],
    );
    return rows.map((r) => ({ table: entry.table, column: entry.column, ...r }));
  }

  /**
   * The timeline's free text to mask (report_event_personal: message and personal data): every
   * event of the subject's reports, and elsewhere those matching one of `patterns`; locked.
   */
  async eventCells(tx: EntityManager, reportIds: string[], patterns: string[]): Promise<EventText[]> {
    return tx.query(
      `SELECT p.event_id::text AS id, p.message, p.data, e.report_id = ANY($1::uuid[]) AS own
         FROM report_event_personal p JOIN report_event e ON e.id = p.event_id
        WHERE e.report_id = ANY($1::uuid[]) OR p.message ~* ANY($2::text[]) OR p.data::text ~* ANY($2::text[])
        ORDER BY p.event_id FOR UPDATE OF p`,
      [reportIds, patterns],
    );
  }

  /** Rewrites events' free text through the one function allowed to (it audits the call); returns how many changed. */
  async redactEvents(tx: EntityManager, events: readonly EventText[], reason: string): Promise<number> {
    const [{ n }] = await tx.query(`SELECT redact_report_event_personal($1::bigint[], $2::text[], $3::jsonb[], $4) AS n`, [
      events.map((e) => e.id),
      events.map((e) => e.message),
      events.map((e) => (e.data === null ? null : JSON.stringify(e.data))),
      reason,
    ]);
    return n;
  }

  /** Writes masked cells back. */
  async writeCells(tx: EntityManager, cells: readonly TextCell[]): Promise<void> {
    for (const c of cells) {
      const key = ROW_KEYS[c.table];
      await tx.query(`UPDATE ${c.table} SET ${c.column} = $2 WHERE ${key.id} = $1`, [c.id, c.json ? JSON.stringify(c.value) : c.value]);
    }
  }
}
