import { describe, expect, it } from 'vitest';
import { ERASED_MARKER as M, splitErased } from './erasedText';

describe('splitErased', () => {
  it.each([
    ['plain text', 'Đã xử lý', [{ text: 'Đã xử lý', erased: false }]],
    ['empty', '', []],
    [
      'a marker inside',
      `Gặp ${M} tại chỗ`,
      [
        { text: 'Gặp ', erased: false },
        { text: M, erased: true },
        { text: ' tại chỗ', erased: false },
      ],
    ],
    [
      'markers at both ends',
      `${M}, ${M}`,
      [
        { text: M, erased: true },
        { text: ', ', erased: false },
        { text: M, erased: true },
      ],
    ],
  ])('%s', (_title, text, parts) => {
    expect(splitErased(text)).toEqual(parts);
  });
});
