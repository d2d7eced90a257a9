import { Injectable } from '@nestjs/common';
import { access, constants } from 'node:fs/promises';
import { readSource, SourceItem } from './import-reader';
import { ImportFormat, readRecord, RejectKind } from './import-row';
import { ImportException } from './import.exception';
import { copyLine, ImportRepository, ImportSession, RefusedRow } from './import.repository';
import { RejectedFile } from './rejected-file';

export interface ImportOptions {
  format: ImportFormat;
  /** Check and count everything, import nothing (one transaction, rolled back). */
  dryRun?: boolean;
  /** Rows staged and moved per transaction. */
  batchSize?: number;
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

// 50k rows keep a batch's temp tables inside temp_buffers and a transaction short enough that
// a failure costs little; larger batches measured no faster.
export const DEFAULT_BATCH_SIZE = 50_000;
// COPY data goes out in chunks of this many characters rather than a write per row.
const COPY_CHUNK = 256 * 1024;
// Below this the statistics PostgreSQL already has are good enough.
const ANALYZE_AFTER = 10_000;

/**
 * Bulk import of historical reports from other systems: the file is streamed and checked row by
 * row, good rows are COPYed into a staging table and moved set-based, one transaction per batch
 * (ward, category, tracking code, timeline, outbox); bad rows go to `<file>.rejected.csv` with
 * the reason. Idempotent by external id: a second import of a file adds nothing.
 */
@Injectable()
export class ImportService {
  constructor(private readonly repository: ImportRepository) {}

  async importFile(path: string, options: ImportOptions): Promise<ImportSummary> {
    const started = performance.now();
    const now = options.now ?? new Date();
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be a positive integer, got ${batchSize}`);
    try {
      await access(path, constants.R_OK);
    } catch (err) {
      throw ImportException.unreadableFile(path, (err as Error).message);
    }

    const rejected = new RejectedFile(`${path}.rejected.csv`);
    await rejected.clear();
    const totals = { read: 0, imported: 0, open: 0, skipped: 0 };
    const session = await this.repository.openSession();
    try {
      await session.prepare();
      if (options.dryRun) await session.begin();
      const items = readSource(path, options.format)[Symbol.asyncIterator]();
      for (let exhausted = false, batch = 1; !exhausted; batch++) {
        let staged = 0;
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
            const line = await checked(next.value, rejected, now);
            if (line === null) continue;
            chunk += line;
            staged++;
            if (chunk.length >= COPY_CHUNK) {
              yield chunk;
              chunk = '';
            }
          }
          if (chunk) yield chunk;
        };
        await session.stage(lines());
        if (staged === 0) continue;
        const outcome = await session.moveBatch(now);
        totals.imported += outcome.imported;
        totals.open += outcome.open;
        totals.skipped += outcome.skipped;
        for (const r of outcome.refused) await rejected.write(refusedRecord(r));
        options.log?.(
          `batch ${batch}: ${totals.read.toLocaleString('en-US')} read, ${totals.imported.toLocaleString('en-US')} imported, ` +
            `${totals.skipped.toLocaleString('en-US')} skipped, ${rejected.count.toLocaleString('en-US')} rejected`,
        );
      }
      if (options.dryRun) await session.rollback();
      else if (totals.imported >= ANALYZE_AFTER) await session.analyze();
    } finally {
      await closeAll(session, rejected);
    }

    return {
      file: path,
      format: options.format,
      dryRun: options.dryRun ?? false,
      ...totals,
      rejected: rejected.count,
      rejectedByKind: Object.fromEntries(rejected.byKind),
      rejectedFile: rejected.count ? rejected.path : null,
      seconds: (performance.now() - started) / 1000,
    };
  }
}

/** The COPY line of a good record; a bad one is written to the rejected file and yields null. */
async function checked(item: SourceItem, rejected: RejectedFile, now: Date): Promise<string | null> {
  if ('malformed' in item) {
    await rejected.write({ row: item.row, kind: 'malformed', reason: `malformed record: ${item.malformed}` });
    return null;
  }
  const result = readRecord(item.record, item.row, now);
  if (result.ok) return copyLine(result.row);
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

async function closeAll(session: ImportSession, rejected: RejectedFile): Promise<void> {
  try {
    await session.release();
  } finally {
    await rejected.close();
  }
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
