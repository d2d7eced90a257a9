/**
 * How the page lays out what 1022 holds about the subject: the groups in the answer of
 * GET /privacy/my-data, each a list of records shown field by field.
 */

/** The groups, in the order the page shows them; each is a list in the answer. */
export const HELD_GROUPS = ['reports', 'calls', 'notifications', 'photos', 'timeline', 'requests'] as const;
export type HeldGroup = (typeof HELD_GROUPS)[number];

export type HeldValue = string | number | boolean;

/** Keys that only link records together: the citizen learns nothing from them. */
const LINK_KEYS = /^(id|.*Id)$/;

/**
 * The fields of one record worth reading, in the answer's order: its plain values (text, numbers,
 * yes/no); links between records and empty values left out, nested lists shown by their own group.
 */
export function shownFields(record: unknown): [string, HeldValue][] {
  if (record === null || typeof record !== 'object') return [];
  const fields: [string, HeldValue][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (LINK_KEYS.test(key)) continue;
    if (typeof value === 'string' ? value.trim() !== '' : typeof value === 'number' || typeof value === 'boolean') {
      fields.push([key, value as HeldValue]);
    }
  }
  return fields;
}

/** The records of a group, or none when the answer has no list by that name. */
export function recordsOf(held: unknown, group: HeldGroup): unknown[] {
  if (held === null || typeof held !== 'object') return [];
  const list = (held as Record<string, unknown>)[group];
  return Array.isArray(list) ? list : [];
}

/** True when the answer holds no record at all: every group is empty. */
export function holdsNothing(held: unknown): boolean {
  return HELD_GROUPS.every((group) => recordsOf(held, group).length === 0);
}
