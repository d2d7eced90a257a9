import { Inject, Injectable } from '@nestjs/common';
import { access, constants } from 'node:fs/promises';
import { readSource, SourceItem } from './import-reader';
import { ImportFormat, ImportRow, readRecord, RejectKind } from './import-row';
import { ImportException } from './import.exception';
import { copyLine, ImportRepository, ImportSession, RefusedRow } from './import.repository';
import { RejectedFile } from './rejected-file';
import { Clock, CLOCK, systemClock } from '../../../engine/clock/clock';

export interface ImportOptions {
  format: ImportFormat;
  /** Check and count everything, import nothing (one transaction, rolled back). */
  dryRun?: boolean;
  /** Rows staged and moved per transaction. */
  batchSize?: number;
  /** Database sessions moving batches at once (a dry run uses one). */
  concurrency?: number;
  /** The clock: dates after it are refused; an end without a date is stamped with it. */
  now?: Date;
  log?: (line: string) => void;
}

export interface ImportSummary {
  file: string;
  format: ImportFormat;
  dryRun: boolean;
  read: number;
  imported: number;
  /** Imported and still open: routed through the outbox like any new report. */
  open: number;
  skipped: number;
  rejected: number;
  rejectedByKind: Partial<Record<RejectKind, number>>;
  rejectedFile: string | null;
  seconds: number;
}

// Small enough that the two sessions and the parser overlap from the start, large enough that
// per-statement costs vanish; 10k-50k measured alike apart from that.
export const DEFAULT_BATCH_SIZE = 20_000;
// One session moves a batch while the other takes the next one by COPY: two cores, two sessions.
export const DEFAULT_CONCURRENCY = 2;
// COPY data goes out in chunks of this many characters rather than a write per row.
const COPY_CHUNK = 256 * 1024;

/**
 * Bulk import of historical reports from other systems: the file is streamed and checked row by
 * row, good rows are COPYed into a staging table and moved set-based, one transaction per batch
 * (ward, category, tracking code, timeline, outbox); bad rows go to `<file>.rejected.csv` with
 * the reason. Idempotent by external id: a second import of a file adds nothing.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly repository: ImportRepository,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async importFile(path: string, options: ImportOptions): Promise<ImportSummary> {
    const started = performance.now();
    const now = options.now ?? this.clock.now();
    const dryRun = options.dryRun ?? false;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    // A dry run counts exactly only in one transaction, hence one session.
    const concurrency = dryRun ? 1 : (options.concurrency ?? DEFAULT_CONCURRENCY);
    for (const [name, v] of [
      ['batch size', batchSize],
      ['concurrency', concurrency],
    ] as const) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
    }
    try {
      await access(path, constants.R_OK);
    } catch (err) {
      throw ImportException.unreadableFile(path, (err as Error).message);
    }

    const rejected = new RejectedFile(`${path}.rejected.csv`);
    await rejected.clear();
    const totals = { read: 0, imported: 0, open: 0, skipped: 0 };
    const sessions: ImportSession[] = [];
    try {
      for (let i = 0; i < concurrency; i++) {
        const session = await this.repository.openSession();
        sessions.push(session);
        await session.prepare();
        if (dryRun) await session.begin();
      }
      const items = readSource(path, options.format)[Symbol.asyncIterator]();
      const idle = [...sessions];
      const moving = new Set<Promise<void>>();
      let failure: unknown = null;
      let batches = 0;

      for (let exhausted = false; !exhausted && failure === null;) {
        if (idle.length === 0) await Promise.race(moving);
        if (failure !== null) break;
        const session = idle.pop()!;
        let staged = 0;
        // An id repeated within a batch is told apart here; one repeated across batches is
        // known to the database by the time its batch is resolved.
        const seen = new Set<string>();
        // Pulls records until the batch is full, checking each and handing good ones to COPY;
        // the file is read only as fast as PostgreSQL takes the rows.
        const lines = async function* (): AsyncGenerator<string> {
          let chunk = '';
          while (staged < batchSize) {
            const next = await items.next();
            if (next.done) {
              exhausted = true;
              break;
            }
            totals.read++;
            const row = await checked(next.value, rejected, now);
            if (row === null) continue;
            if (seen.has(row.externalId)) {
              totals.skipped++;
              continue;
            }
            seen.add(row.externalId);
            chunk += copyLine(row);
            staged++;
            if (chunk.length >= COPY_CHUNK) {
              yield chunk;
              chunk = '';
            }
          }
          if (chunk) yield chunk;
        };
        try {
          await session.stage(lines());
        } catch (err) {
          // A file that breaks off mid-way: the batches already moving still finish (and commit).
          failure = err;
          break;
        }
        if (staged === 0) {
          idle.push(session);
          continue;
        }
        const batch = ++batches;
        const move: Promise<void> = session
          .moveBatch(now)
          .then(async (outcome) => {
            totals.imported += outcome.imported;
            totals.open += outcome.open;
            totals.skipped += outcome.skipped;
            for (const r of outcome.refused) await rejected.write(refusedRecord(r));
            idle.push(session);
            options.log?.(
              `batch ${batch}: ${totals.read.toLocaleString('en-US')} read, ${totals.imported.toLocaleString('en-US')} imported, ` +
                `${totals.skipped.toLocaleString('en-US')} skipped, ${rejected.count.toLocaleString('en-US')} rejected`,
            );
          })
          .catch((err: unknown) => {
            failure ??= err;
          })
          .finally(() => moving.delete(move));
        moving.add(move);
      }
      await Promise.all(moving);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what the failed move rejected with, as it was
      if (failure !== null) throw failure;
      // No ANALYZE here: autovacuum analyses a table that grew by a tenth, and a smaller import
      // does not move the statistics (measured: 1.4 s of a 200k-row import).
      if (dryRun) await sessions[0].rollback();
    } finally {
      await closeAll(sessions, rejected);
    }

    return {
      file: path,
      format: options.format,
      dryRun,
      ...totals,
      rejected: rejected.count,
      rejectedByKind: Object.fromEntries(rejected.byKind),
      rejectedFile: rejected.count ? rejected.path : null,
      seconds: (performance.now() - started) / 1000,
    };
  }
}

/** A good record, read; a bad one is written to the rejected file and yields null. */
async function checked(item: SourceItem, rejected: RejectedFile, now: Date): Promise<ImportRow | null> {
  if ('malformed' in item) {
    await rejected.write({ row: item.row, kind: 'malformed', reason: `malformed record: ${item.malformed}` });
    return null;
  }
  const result = readRecord(item.record, item.row, now);
  if (result.ok) return result.row;
  await rejected.write({ ...item.record, row: item.row, ...result.rejection });
  return null;
}

function refusedRecord(r: RefusedRow) {
  const reason =
    r.kind === 'unknown_category'
      ? `unknown category "${r.category}"`
      : `outside the city: no current ward contains ${r.lat}, ${r.lng} or lies within 100 m of it`;
  return {
    row: r.row,
    kind: r.kind,
    reason,
    external_id: r.externalId,
    category: r.category,
    lat: r.lat,
    lng: r.lng,
    description: r.description,
    address: r.address,
    created_at: r.createdAt,
    status: r.sourceStatus,
    closed_at: r.closedAt,
    channel: r.sourceChannel,
  };
}

/** Releases every session (a failing one must not keep the others), then closes the rejected file. */
async function closeAll(sessions: ImportSession[], rejected: RejectedFile): Promise<void> {
  const released = await Promise.allSettled(sessions.map((s) => s.release()));
  await rejected.close();
  const failed = released.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** One line for people: what was read, imported, skipped and rejected, and why. */
export function formatSummary(s: ImportSummary): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const reasons = Object.entries(s.rejectedByKind).map(([k, v]) => `${k.replace(/_/g, ' ')} ${n(v)}`);
  return [
    `${s.dryRun ? 'dry run (nothing written): ' : ''}${n(s.read)} rows read in ${s.seconds.toFixed(1)} s`,
    `${s.dryRun ? 'would import' : 'imported'} ${n(s.imported)} (${n(s.imported - s.open)} ended, ${n(s.open)} open → routing)`,
    `skipped ${n(s.skipped)} (external_id already imported or repeated in the file)`,
    `rejected ${n(s.rejected)}${reasons.length ? ` (${reasons.join(', ')})` : ''}${s.rejectedFile ? ` → ${s.rejectedFile}` : ''}`,
  ].join('; ');
}
