import { describe, expect, it } from 'vitest';
import { snippet } from './snippet';

describe('snippet', () => {
  it.each([
    ['short text stays whole', 160, 'short text stays whole'],
    ['  spaces\n\tare   folded  ', 160, 'spaces are folded'],
    // Cut at the last space when it keeps more than 60 % of the length.
    ['one two three four five', 15, 'one two three…'],
    // No space late enough: cut inside the word.
    ['abcdefghijklmnopqrstuvwxyz', 10, 'abcdefghij…'],
    ['a bcdefghijklmnopqrstuvwxyz', 10, 'a bcdefghi…'],
    ['exactly10!', 10, 'exactly10!'],
    ['', 10, ''],
  ])('%j at %i → %j', (text, maxLength, expected) => {
    expect(snippet(text, maxLength)).toBe(expected);
  });

  it('keeps 160 characters by default', () => {
    const long = 'word '.repeat(100);
    const cut = snippet(long);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(161);
    expect(cut.length).toBeGreaterThan(96);
  });
});
