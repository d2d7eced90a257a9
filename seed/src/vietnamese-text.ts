/** "Bến Thành" → "Ben Thanh"; đ is a letter of its own, not a combining mark, so it is mapped by hand. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
