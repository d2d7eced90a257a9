/**
 * What people type for a place, in the form the database compares (lowercase, no accents, đ→d),
 * with the usual abbreviations spelled out: "P.7 Q5" → "phuong 7 quan 5", "TX" → "thi xa".
 */
export function searchKey(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[,.;:/\\\-_()]+/g, ' ')
    .replace(/\bp\s*(\d+)\b/g, 'phuong $1')
    .replace(/\bq\s*(\d+)\b/g, 'quan $1')
    .replace(/\btt\b/g, 'thi tran')
    .replace(/\btx\b/g, 'thi xa')
    .replace(/\s+/g, ' ')
    .trim();
}
