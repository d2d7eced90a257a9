/**
 * Personal details that people type into free text (a report's description, an official's public
 * answer, an address), masked before the text reaches a public surface: the tracking page, Open311
 * feeds, open data (invariant 4). Staff views keep the original. Vietnamese formats:
 *
 * - e-mail addresses;
 * - phone numbers: mobiles 0[35789]x xxx xxxx, landlines 02xx xxx xxxx, with +84/84 for the 0,
 *   spaces, dots, dashes or brackets between digits; and any 7–11 digit number right after a
 *   word that announces one ("SĐT", "điện thoại", "Zalo", "liên hệ" …);
 * - national ID numbers: the 12-digit CCCD (it starts with a 0 province code) and the old 9-digit
 *   CMND, unless a currency follows (a sum of money is not an ID);
 * - vehicle plates: 51F-123.45, 51F12345, 59-X1 234.56, 29LD-123.45, 51A-1234.
 *
 * House numbers, alleys (123/45), dates, times, amounts with separators and 1900/1800 hotlines stay.
 */
export const REDACTED = '[…]';

/**
 * Not inside a longer run of letters or digits (Vietnamese letters included), nor a dash-joined
 * piece of a longer identifier (a UUID's "35f3-4715" is not a plate).
 */
const START = String.raw`(?<![\p{L}\p{N}@.+])(?<![\p{L}\p{N}]-)`;
const END = String.raw`(?![\p{L}\p{N}])(?!-[\p{L}\p{N}])`;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

// What people put between digits: a space, dot or dash, and brackets round the area code ("(028) 3829").
const SEP = String.raw`[\s.\-()]{0,2}`;
const PHONE = new RegExp(
  String.raw`${START}(?:\(?\+?84\)?|\(?0)${SEP}(?:[35789](?:${SEP}\d){8}|2(?:${SEP}\d){9}|1(?:${SEP}\d){9})${END}`,
  'gu',
);
// "SĐT 3829 1234", "Zalo: 0909.123.456": whatever number follows such a word is a phone number.
const ANNOUNCED_PHONE = new RegExp(
  String.raw`((?:s[đd]t|số điện thoại|so dien thoai|điện thoại|dien thoai|đt|dđ|di động|tel|phone|mobile|zalo|viber|hotline cá nhân|liên hệ|lien he|gọi|goi)\s*[:.\-]?\s*)(\+?\d(?:${SEP}\d){6,11})${END}`,
  'giu',
);

const CURRENCY_AFTER = String.raw`(?!\s*(?:đ|đồng|dong|vnđ|vnd|₫|k|nghìn|ngàn|triệu|tỷ)(?![\p{L}]))`;
const CCCD = new RegExp(String.raw`${START}0\d{2}(?:[\s.]?\d){9}${END}`, 'gu');
const CMND = new RegExp(String.raw`${START}\d{9}${END}${CURRENCY_AFTER}`, 'giu');

// Province code, series (one or two letters, or a letter and a digit), then 4 or 5 digits.
const PLATE = new RegExp(String.raw`${START}\d{2}[\s-]?[A-Za-z][A-Za-z\d]?[\s-]?(?:\d{3}\.?\d{2}|\d{4})${END}`, 'gu');

/** `text` with every such value replaced by `mask` (erasure masks with its own visible marker). */
export function redactPersonalText(text: string, mask: string = REDACTED): string {
  return text
    .replace(EMAIL, mask)
    .replace(ANNOUNCED_PHONE, (_m, announce: string) => `${announce}${mask}`)
    .replace(CCCD, mask)
    .replace(PHONE, mask)
    .replace(PLATE, mask)
    .replace(CMND, mask);
}

/** The same for a value that may be absent. */
export function redactOptional(text: string | null): string | null {
  return text === null ? null : redactPersonalText(text);
}
