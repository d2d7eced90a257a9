import type { CategoryAttribute } from '../categories/category.entity';
import { z } from 'zod';
import { IntakeException } from './intake.exception';

/** More answers than any category asks questions: refused by the schema, before any look-up. */
export const MAX_ATTRIBUTES = 30;

/** Caps the number of answers in an attributes record, naming the field like any other size rule. */
export const atMostAttributes = <T extends Record<string, unknown>>(record: T, ctx: z.RefinementCtx): void => {
  const count = Object.keys(record).length;
  if (count > MAX_ATTRIBUTES) {
    ctx.addIssue({
      code: 'too_big',
      origin: 'object',
      maximum: MAX_ATTRIBUTES,
      inclusive: true,
      input: record,
      message: `Too many attributes (${count}): at most ${MAX_ATTRIBUTES}`,
    });
  }
};

/**
 * A report's answers to its category's questions (the Open311 service definition), whatever
 * the channel: required ones present, list answers among the allowed keys, and nothing the
 * category does not ask; unknown codes were once kept, and 9,000 of them (926 KB) went into one
 * report.
 */
export function checkAttributes(
  definitions: readonly CategoryAttribute[],
  given: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const known = new Set(definitions.map((d) => d.code));
  const unknown = Object.keys(given).filter((code) => !known.has(code));
  if (unknown.length > 0) throw IntakeException.unknownAttributes(unknown);
  for (const attr of definitions) {
    const value = given[attr.code];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (attr.required && empty) throw IntakeException.missingAttribute(attr.code);
    if (!empty && attr.values?.length && (attr.datatype === 'singlevaluelist' || attr.datatype === 'multivaluelist')) {
      const keys = new Set(attr.values.map((v) => v.key));
      const answers = Array.isArray(value) ? value : [value];
      if (!answers.every((a) => keys.has(String(a)))) throw IntakeException.invalidAttribute(attr.code, [...keys]);
    }
  }
  return { ...given };
}
