import { createWriteStream, WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { CSV_COLUMNS, CsvColumn, RejectKind } from './import-row';

export type RejectedRecord = { row: number; kind: RejectKind; reason: string } & Partial<Record<CsvColumn, string | number | null>>;

/** RFC 4180 quoting: every field quoted, quotes doubled, so commas and line breaks survive. */
function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return `"${String(v).replace(/"/g, '""')}"`;
}

/**
 * `<file>.rejected.csv`: row and reason, then the record in the CSV import's columns, so a fixed
 * file imports as it is (the importer ignores the extra columns). Created at the first rejection;
 * a stale one from an earlier run of the same file is removed first, so it never misleads.
 */
export class RejectedFile {
  private out: WriteStream | null = null;
  readonly byKind = new Map<RejectKind, number>();
  count = 0;

  constructor(readonly path: string) {}

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }

  async write(r: RejectedRecord): Promise<void> {
    this.count++;
    this.byKind.set(r.kind, (this.byKind.get(r.kind) ?? 0) + 1);
    if (!this.out) {
      this.out = createWriteStream(this.path, { encoding: 'utf8' });
      this.out.write(['row', 'reason', ...CSV_COLUMNS].join(',') + '\n');
    }
    const line = [field(r.row), field(r.reason), ...CSV_COLUMNS.map((c) => field(r[c]))].join(',') + '\n';
    if (!this.out.write(line)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (!this.out) return;
    this.out.end();
    await once(this.out, 'finish');
  }
}
