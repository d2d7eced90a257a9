/**
 * How the page lays out what 1022 holds about the subject (GET /privacy/my-data): each record's
 * personal values come keyed by the column that holds them (the personal-data registry's names),
 * and are shown under a label in the page's language.
 */

/** The columns a citizen's values come from, and the label each is shown under (privacy.held.fields.*). */
export const COLUMN_LABELS = {
  reporter_name: 'name',
  name: 'name',
  reporter_phone: 'phone',
  phone: 'phone',
  reporter_email: 'email',
  recipient: 'recipient',
  description: 'description',
  address: 'address',
  point: 'point',
  attributes: 'attributes',
  note: 'note',
  payload: 'message',
} as const;
export type FieldLabel = (typeof COLUMN_LABELS)[keyof typeof COLUMN_LABELS];

/** Columns the citizen learns nothing from (a projection of the point, for the maps). */
const NOT_SHOWN = new Set(['point_3857']);

/** A held value as text: a point as "lat, lng", a record as its lines, other structures as their JSON, text as it is. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isGeoPoint(value)) return `${value.coordinates[1]}, ${value.coordinates[0]}`;
  // The answers to a category's questions: one "question: answer" per line.
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${valueText(item)}`)
      .join('\n');
  }
  return JSON.stringify(value);
}

function isGeoPoint(value: unknown): value is { type: 'Point'; coordinates: [number, number] } {
  if (value === null || typeof value !== 'object') return false;
  const point = value as { type?: unknown; coordinates?: unknown };
  return point.type === 'Point' && Array.isArray(point.coordinates) && point.coordinates.length >= 2;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * The personal values of one record, in the answer's order, each with its label (or its column
 * name when the page has none): empty values are left out, so an erased record shows nothing.
 */
export function personalFields(personal: Readonly<Record<string, unknown>>): { column: string; label: FieldLabel | null; text: string }[] {
  return Object.entries(personal)
    .filter(([column, value]) => !NOT_SHOWN.has(column) && !isEmpty(value))
    .map(([column, value]) => ({
      column,
      label: column in COLUMN_LABELS ? COLUMN_LABELS[column as keyof typeof COLUMN_LABELS] : null,
      text: valueText(value),
    }));
}

/** The lists of the answer that hold the subject's data (the earlier requests are about it, not of it). */
interface Held {
  reports: readonly unknown[];
  callerRecords: readonly unknown[];
  notifications: readonly unknown[];
}

/** True when nothing is held about the subject any more. */
export function holdsNothing(held: Held): boolean {
  return held.reports.length === 0 && held.callerRecords.length === 0 && held.notifications.length === 0;
}
