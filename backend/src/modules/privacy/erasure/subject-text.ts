import { redactPersonalText } from '../../../engine/privacy/redact-personal-text';
import type { DataSubject } from './data-subject';

/** What erased free text shows instead of the value, in both languages, on staff pages too. */
export const ERASED_MARKER = '[đã xoá dữ liệu cá nhân / personal data removed]';

/** The values of a subject that free text may repeat. */
export type SubjectValues = Pick<DataSubject, 'phones' | 'emails' | 'names'>;

// What people type between the digits of a phone number: spaces, dots, dashes, brackets.
const SEP = String.raw`[\s.()-]{0,2}`;

/** A regular expression literal valid in JavaScript (unicode mode) and PostgreSQL's ARE: the syntax characters escaped. */
function literal(value: string): string {
  return value
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`))
    .join(String.raw`\s+`);
}

// Each Vietnamese vowel and đ with every tone and mark: people type names with or without them.
const VARIANTS: Readonly<Record<string, string>> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ',
  e: 'eèéẻẽẹêềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọôồốổỗộơờớởỡợ',
  u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ',
  d: 'dđ',
};

/**
 * A name of two words or more, with or without its diacritics ("Nguyễn Thị Lan", "Nguyen Thi
 * Lan"); a single word only as written, or "An" would mask every "ăn".
 */
function namePattern(name: string): string {
  const words = name.trim().normalize('NFC').split(/\s+/);
  if (words.length < 2) return literal(name.normalize('NFC'));
  return words
    .map((word) =>
      [...word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd')]
        .map((c) => {
          const variants = VARIANTS[c.toLowerCase()];
          return variants ? `[${variants}]` : literal(c);
        })
        .join(''),
    )
    .join(String.raw`\s+`);
}

/**
 * One phone number in any common spelling: 0903 123 456, 0903.123.456, 090-312-3456,
 * +84 903 123 456, 84903123456, (090) 3123456. `phone` is normalised (0 and 9–10 digits).
 */
function phonePattern(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (!/^0\d{8,10}$/.test(digits)) return null;
  return String.raw`(?:\(?\+?84\)?|\(?0)${SEP}` + [...digits.slice(1)].join(SEP);
}

/**
 * The subject's own values as patterns, without look-around (PostgreSQL uses them to find
 * candidate rows, case-insensitive; `subjectMatcher` adds the boundaries).
 */
export function subjectPatterns(values: SubjectValues): string[] {
  const phones = values.phones.map(phonePattern).filter((p): p is string => p !== null);
  const emails = values.emails.filter((e) => e.trim().length >= 3).map(literal);
  // A name shorter than two letters would mask every such letter: such names are not searched.
  const names = values.names.filter((n) => n.trim().length >= 2).map(namePattern);
  return [...new Set([...emails, ...phones, ...names])];
}

/** The subject's values in one case-insensitive expression; null when there are none. */
export function subjectMatcher(values: SubjectValues): RegExp | null {
  const patterns = subjectPatterns(values);
  if (patterns.length === 0) return null;
  // Not inside a longer word or number: "An" is masked in "chị An," not in "Anh".
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${patterns.join('|')})(?![\p{L}\p{N}])`, 'giu');
}

/**
 * Free text with the subject's own values masked; with `patterns` also every value the public
 * pages mask (phones, e-mails, ID and plate numbers), for text the subject typed or that is
 * about the subject's own report. Masks join: "[marker] [marker]" becomes one marker.
 */
export function eraseText(text: string, matcher: RegExp | null, patterns: boolean): string {
  let out = text.normalize('NFC');
  if (matcher) out = out.replace(matcher, ERASED_MARKER);
  if (patterns) out = redactPersonalText(out, ERASED_MARKER);
  const twice = new RegExp(String.raw`${literal(ERASED_MARKER)}(?:[\s,;]*${literal(ERASED_MARKER)})+`, 'gu');
  return withoutStrayBracket(out.replace(twice, ERASED_MARKER));
}

/**
 * A phone number's pattern may take the "(" before it ("Lan (0903 123 456)"), leaving its ")"
 * alone after the marker: such a ")" with no "(" open before it goes too.
 */
function withoutStrayBracket(text: string): string {
  const after = `${ERASED_MARKER})`;
  let out = text;
  for (let at = out.indexOf(after); at >= 0; at = out.indexOf(after, at + ERASED_MARKER.length)) {
    const before = out.slice(0, at);
    const open = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0);
    if (open <= 0) out = out.slice(0, at + ERASED_MARKER.length) + out.slice(at + after.length);
  }
  return out;
}

/** The same through a JSON value: every string in it (the category answers, an event's details). */
export function eraseJson(value: unknown, matcher: RegExp | null, patterns: boolean): unknown {
  if (typeof value === 'string') return eraseText(value, matcher, patterns);
  if (Array.isArray(value)) return value.map((v) => eraseJson(v, matcher, patterns));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, eraseJson(v, matcher, patterns)]));
  return value;
}
