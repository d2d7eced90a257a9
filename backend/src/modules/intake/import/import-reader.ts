import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { CSV_COLUMNS, fromOpen311, ImportFormat, REQUIRED_CSV_COLUMNS, SourceRecord } from './import-row';
import { ImportException } from './import.exception';

/** One record of the file: its fields, or why the parser could not read it. */
export type SourceItem = { row: number; record: SourceRecord } | { row: number; malformed: string };

/**
 * The records of a file, streamed: neither format is ever held whole in memory. `row` is the
 * line in a CSV (where the record ends) and the 1-based position in an Open311 array.
 */
export function readSource(path: string, format: ImportFormat): AsyncIterable<SourceItem> {
  return format === 'csv' ? readCsv(path) : readOpen311(path);
}

async function* readCsv(path: string): AsyncGenerator<SourceItem> {
  // A record csv-parse cannot read (wrong field count, stray quote) is reported and skipped;
  // the callback runs inside parsing, so they wait here until the loop below hands them out.
  const skipped: SourceItem[] = [];
  const source = createReadStream(path);
  const parser = source.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim().toLowerCase());
        const missing = REQUIRED_CSV_COLUMNS.filter((c) => !names.includes(c));
        if (missing.length) throw ImportException.missingColumns(missing);
        // Unknown columns (the rejected file's row and reason, for one) are read and ignored.
        return names.map((n) => ((CSV_COLUMNS as readonly string[]).includes(n) ? n : false));
      },
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => void skipped.push({ row: Number(err?.lines ?? 0), malformed: err?.message ?? 'unreadable record' }),
    }),
  );
  // pipe() does not pass a read error on; without this a missing file would end the loop quietly.
  source.on('error', (err) => parser.destroy(err));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: SourceRecord; info: { lines: number } }>) {
      while (skipped.length) yield skipped.shift()!;
      yield { row: info.lines, record };
    }
  } catch (err) {
    throw asImportError(err, 'CSV');
  }
  while (skipped.length) yield skipped.shift()!;
}

async function* readOpen311(path: string): AsyncGenerator<SourceItem> {
  const source = createReadStream(path);
  const items = source.pipe(streamArray.withParserAsStream());
  source.on('error', (err) => items.destroy(err));
  try {
    for await (const { key, value } of items as AsyncIterable<{ key: number; value: unknown }>) {
      yield { row: key + 1, record: fromOpen311(value) };
    }
  } catch (err) {
    throw asImportError(err, 'Open311 JSON');
  }
}

function asImportError(err: unknown, format: string): Error {
  if (err instanceof ImportException) return err;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR') return ImportException.unreadableFile(e.path ?? '', e.message);
  return ImportException.malformedFile(format, e.message);
}
