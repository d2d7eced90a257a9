import { OPEN_STATUSES as OPEN_REPORT_STATUSES } from '../../report-record/report-status';
/**
 * Rules for one historical report from another system, before it reaches the database: which
 * fields it must have, how dates, coordinates and statuses are read. Plain TypeScript: the
 * category and the ward are checked set-based in SQL (import.repository.ts).
 */

export const IMPORT_FORMATS = ['csv', 'open311'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The CSV format's columns; the rejected file has them too, so a fixed file can be imported again. */
export const CSV_COLUMNS = [
  'external_id',
  'category',
  'lat',
  'lng',
  'description',
  'address',
  'created_at',
  'status',
  'closed_at',
  'channel',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS: CsvColumn[] = ['external_id', 'category', 'lat', 'lng', 'description', 'created_at', 'status'];

/** A source record in the CSV's terms (Open311 requests are mapped onto it first). */
export type SourceRecord = Partial<Record<CsvColumn, string>>;

/** Where a report lands: open ones enter the life cycle at its start and are routed like any other. */
export type ImportStatus = 'new' | 'resolved' | 'closed' | 'rejected';

export interface ImportRow {
  /** 1-based position of the record in the file (header not counted). */
  row: number;
  externalId: string;
  category: string;
  lat: number;
  lng: number;
  description: string;
  address: string | null;
  /** ISO 8601 text as given (PostgreSQL keeps its microseconds); validated here. */
  createdAt: string;
  status: ImportStatus;
  /** Only for a terminal status: when the other system ended it. */
  closedAt: string | null;
  sourceStatus: string;
  sourceChannel: string | null;
}

export type RejectKind =
  'missing_field' | 'bad_coordinate' | 'bad_date' | 'bad_status' | 'too_long' | 'malformed' | 'unknown_category' | 'outside_city';

export interface Rejection {
  kind: RejectKind;
  reason: string;
}

export type RowResult = { ok: true; row: ImportRow } | { ok: false; rejection: Rejection };

// Intake's limits (intake.dto.ts), so that imported text fits every screen a filed report does.
export const LIMITS = { external_id: 200, category: 64, description: 5000, address: 500, channel: 64 } as const;

// Our statuses that are still open map to 'new': the old system's assignment does not carry
// over, so routing (from the outbox, like any channel) picks the unit and starts the SLA.
// A source system's 'open' or any of our open statuses: imported as new, to be routed.
const OPEN_STATUSES = new Set<string>(['open', ...OPEN_REPORT_STATUSES]);
const TERMINAL_STATUSES = new Set<ImportStatus>(['resolved', 'closed', 'rejected']);

// ISO 8601 date and time with an explicit offset: a time without one is ambiguous across the
// systems we import from (server time, UTC, Asia/Ho_Chi_Minh).
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;
// A clock a few minutes ahead on the source system is not a reason to refuse a report.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Milliseconds since the epoch for ISO 8601 text with an offset, or null when it is not a real instant. */
export function parseIsoWithOffset(text: string): number | null {
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const millis = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const digits = m[8].slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 14 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  // Before 1900 is a typo, not a report; Date.UTC would also read years 0-99 as 19xx.
  if (year < 1900 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function coordinate(text: string, max: number): number | null {
  if (!DECIMAL.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) && Math.abs(v) <= max ? v : null;
}

/** Trimmed text, NUL bytes dropped (PostgreSQL text cannot hold them; they are encoding debris). */
function clean(v: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- the NUL byte is the character to drop
  return (v ?? '').replace(/\u0000/g, '').trim();
}

const reject = (kind: RejectKind, reason: string): RowResult => ({ ok: false, rejection: { kind, reason } });

/** Checks one record and reads it into an ImportRow, or says why it cannot be imported. */
export function readRecord(record: SourceRecord, row: number, now: Date): RowResult {
  const v = Object.fromEntries(CSV_COLUMNS.map((c) => [c, clean(record[c])])) as Record<CsvColumn, string>;
  for (const c of REQUIRED_CSV_COLUMNS) if (!v[c]) return reject('missing_field', `missing field: ${c}`);
  for (const c of ['external_id', 'category', 'description', 'address', 'channel'] as const) {
    if (v[c].length > LIMITS[c]) return reject('too_long', `${c} longer than ${LIMITS[c]} characters`);
  }

  const lat = coordinate(v.lat, 90);
  const lng = coordinate(v.lng, 180);
  if (lat === null) return reject('bad_coordinate', `bad coordinate: lat "${v.lat}" is not a latitude`);
  if (lng === null) return reject('bad_coordinate', `bad coordinate: lng "${v.lng}" is not a longitude`);

  const sourceStatus = v.status.toLowerCase();
  let status: ImportStatus;
  if (OPEN_STATUSES.has(sourceStatus)) status = 'new';
  else if (TERMINAL_STATUSES.has(sourceStatus as ImportStatus)) status = sourceStatus as ImportStatus;
  else if (sourceStatus === 'merged')
    return reject('bad_status', 'bad status: merged reports cannot be imported without the report they were merged into');
  else
    return reject(
      'bad_status',
      `bad status: "${v.status}" (open, closed, or one of new, assigned, in_progress, waiting_citizen, reopened, resolved, rejected)`,
    );

  const created = parseIsoWithOffset(v.created_at);
  if (created === null) return reject('bad_date', `bad date: created_at "${v.created_at}" is not ISO 8601 with an offset`);
  if (created > now.getTime() + FUTURE_TOLERANCE_MS) return reject('bad_date', `bad date: created_at ${v.created_at} is in the future`);

  let closedAt: string | null = null;
  if (v.closed_at) {
    if (status === 'new') return reject('bad_date', `bad date: closed_at given but status "${v.status}" is open`);
    const closed = parseIsoWithOffset(v.closed_at);
    if (closed === null) return reject('bad_date', `bad date: closed_at "${v.closed_at}" is not ISO 8601 with an offset`);
    if (closed < created) return reject('bad_date', `bad date: closed_at ${v.closed_at} is before created_at ${v.created_at}`);
    if (closed > now.getTime() + FUTURE_TOLERANCE_MS) return reject('bad_date', `bad date: closed_at ${v.closed_at} is in the future`);
    closedAt = v.closed_at;
  }

  return {
    ok: true,
    row: {
      row,
      externalId: v.external_id,
      category: v.category,
      lat,
      lng,
      description: v.description,
      address: v.address || null,
      createdAt: v.created_at,
      status,
      closedAt,
      sourceStatus,
      sourceChannel: v.channel || null,
    },
  };
}

/**
 * An Open311 GeoReport v2 request in the CSV's terms. `updated_datetime` is the last change,
 * which for a closed request is when it was closed; on an open request it is dropped.
 */
export function fromOpen311(request: unknown): SourceRecord {
  if (!request || typeof request !== 'object' || Array.isArray(request)) return {};
  const r = request as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' && Number.isFinite(x) ? String(x) : undefined);
  const status = str(r.status);
  const open = status !== undefined && OPEN_STATUSES.has(status.trim().toLowerCase());
  return {
    external_id: str(r.service_request_id),
    category: str(r.service_code),
    lat: str(r.lat),
    lng: str(r.long),
    description: str(r.description),
    address: str(r.address),
    created_at: str(r.requested_datetime),
    status,
    closed_at: open ? undefined : str(r.updated_datetime),
    channel: 'open311',
  };
}
