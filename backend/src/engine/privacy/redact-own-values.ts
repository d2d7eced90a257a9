import { REDACTED } from './redact-personal-text';

/**
 * A reporter's own contact values where they typed them into their text ("Tôi là Nguyễn Văn An,
 * …"), masked before the text reaches a public surface: the patterns of redactPersonalText find
 * numbers and addresses, never a name, but the report knows the name its reporter gave. Matched
 * whole, case-insensitively, in one Unicode form; values under 3 characters are left (they would
 * mask ordinary words). A phone number is matched with any spaces, dots or dashes between digits.
 */
export function redactOwnValues(text: string, values: readonly (string | null | undefined)[]): string {
  let out = text.normalize('NFC');
  for (const raw of values) {
    const value = raw?.normalize('NFC').trim() ?? '';
    if (value.length < 3) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pattern(value)}(?![\\p{L}\\p{N}])`, 'giu'), REDACTED);
  }
  return out;
}

function pattern(value: string): string {
  const digits = value.replace(/[\s.\-()]/g, '');
  if (/^\+?\d{6,15}$/.test(digits)) {
    // 0901234567 is also written +84 901 234 567 or 84901234567.
    const national = digits.replace(/^(?:\+?84|0)/, '');
    return `(?:\\+?84|0)?[\\s.\\-()]{0,2}${[...national].join('[\\s.\\-()]{0,2}')}`;
  }
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}
