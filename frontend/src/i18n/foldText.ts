/**
 * Vietnamese text folded for matching what people type without diacritics: "ngap" finds
 * "Ngập nước", "den duong" finds "Đèn đường". đ/Đ are letters of their own, not d plus a mark,
 * so NFD alone leaves them.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
