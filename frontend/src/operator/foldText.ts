/**
 * Vietnamese text folded for matching what operators type without diacritics:
 * "den duong" matches "Đèn đường". đ/Đ are letters of their own, not d plus a mark, so NFD
 * alone does not fold them.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
