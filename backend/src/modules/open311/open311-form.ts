import type { FieldIssue } from '../../engine/errors/domain.exception';
import type { CategoryAttribute } from '../categories/category.entity';
import { parseW3cDatetime } from './open311-mapping';

export type AttributeAnswer = string | string[];
export type FormRecord = Record<string, unknown> & { attribute?: Record<string, unknown> };

// attribute[code]=v and attribute[code][]=v1&attribute[code][]=v2 (GeoReport v2, POST Service Request).
const ATTRIBUTE_KEY = /^attribute\[([^\][]+)\](\[\])?$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.every(isEmpty));
const scalarText = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

function answerOf(value: unknown, asList: boolean): unknown {
  if (Array.isArray(value)) return value.map(scalarText).filter((v) => !isEmpty(v));
  const v = scalarText(value);
  return asList ? [v] : v;
}

/**
 * One shape for the three encodings a client may POST: form fields arrive flat
 * (`attribute[depth]`), multipart fields nested (`attribute: {depth}`), JSON either way. Empty
 * values count as absent, as the spec's "Optional Arguments" rule asks; numbers become text so
 * that one schema reads them all.
 */
export function normalizeForm(body: unknown): FormRecord {
  const out: FormRecord = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  const attributes: Record<string, unknown> = {};
  const put = (code: string, value: unknown, asList: boolean) => {
    if (FORBIDDEN_KEYS.has(code) || isEmpty(value)) return;
    const answer = answerOf(value, asList);
    const previous = attributes[code];
    // Both spellings of one code (attribute[x]=a&attribute[x][]=b) add up rather than overwrite.
    attributes[code] = previous === undefined ? answer : [previous, answer].flat();
  };

  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (FORBIDDEN_KEYS.has(key) || isEmpty(value)) continue;
    const match = ATTRIBUTE_KEY.exec(key);
    if (match) {
      put(match[1], value, match[2] !== undefined);
    } else if (key === 'attribute' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, answer] of Object.entries(value as Record<string, unknown>)) put(code, answer, false);
    } else {
      out[key] = scalarText(value);
    }
  }
  if (Object.keys(attributes).length > 0) out.attribute = attributes;
  return out;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Checks each answer against its datatype in the service definition and gives it the type the
 * report keeps: numbers as numbers, one value for single lists, a list for multi lists. Whether a
 * required answer is missing, and whether list keys are allowed, is intake's rule, not repeated here.
 */
export function coerceAttributes(
  definitions: readonly CategoryAttribute[],
  answers: Readonly<Record<string, AttributeAnswer>>,
): { values: Record<string, unknown>; issues: FieldIssue[] } {
  const values: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  const fail = (code: string, rule: string, message: string, messageVi: string) =>
    issues.push({ field: `attribute[${code}]`, rule, message, messageVi });

  for (const [code, answer] of Object.entries(answers)) {
    const datatype = byCode.get(code)?.datatype;
    const list = Array.isArray(answer) ? answer : [answer];
    if (datatype === 'multivaluelist') {
      values[code] = list;
      continue;
    }
    if (datatype && list.length > 1) {
      fail(code, 'single_value', 'Takes one value', 'Chỉ nhận một giá trị');
      continue;
    }
    const one = list[0];
    if (datatype === 'number') {
      if (DECIMAL.test(one.trim())) values[code] = Number(one);
      else fail(code, 'number', 'Must be a number, e.g. 12.5', 'Phải là số, ví dụ 12.5');
    } else if (datatype === 'datetime') {
      if (parseW3cDatetime(one)) values[code] = one.trim();
      else
        fail(code, 'datetime', 'Must be a W3C datetime, e.g. 2026-11-21T08:30:00+07:00', 'Phải là ngày giờ dạng 2026-11-21T08:30:00+07:00');
    } else {
      // Unknown codes are kept as sent for intake to refuse, as it does for every channel.
      values[code] = datatype ? one : answer;
    }
  }
  return { values, issues };
}

/** Field names as an Open311 client sent them, for the intake service's and the schema's issues. */
export function open311Field(field: string): string {
  const attribute = /^(?:attributes?)\.([^.]+)(?:\.\d+)?$/.exec(field);
  if (attribute) return `attribute[${attribute[1]}]`;
  const names: Record<string, string> = {
    category: 'service_code',
    attributes: 'attribute',
    lng: 'long',
    address: 'address_string',
    'reporter.name': 'first_name',
    'reporter.phone': 'phone',
    'reporter.email': 'email',
  };
  const base = field.replace(/(\.\d+)+$/, '');
  return names[base] ?? base;
}
