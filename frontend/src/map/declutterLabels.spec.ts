import { describe, expect, it } from 'vitest';
import { declutterLabels, type LabelCandidate } from './declutterLabels';

// Positions are screen pixels already: the projection is the identity.
const identity = ([x, y]: [number, number]) => ({ x, y });
const label = (code: string, text: string, x: number, y: number): LabelCandidate => ({ code, text, position: [x, y] });
const SCREEN = { width: 400, height: 300, fontSize: 10, gap: 4 };

describe('declutterLabels', () => {
  // With font size 10 a label is 6 px per character wide and 13 px tall, plus 4 px of gap around.
  it.each<[string, LabelCandidate[], string[]]>([
    ['far apart', [label('a', 'Bến Thành', 100, 100), label('b', 'Sài Gòn', 300, 200)], ['a', 'b']],
    ['overlapping: the first wins', [label('a', 'Bến Thành', 100, 100), label('b', 'Sài Gòn', 110, 105)], ['a']],
    ['priority order decides', [label('b', 'Sài Gòn', 110, 105), label('a', 'Bến Thành', 100, 100)], ['b']],
    // 'Bến Thành' is 9 characters: 27 + 4 px each side of its centre; 'Sài Gòn' 7: 21 + 4.
    ['side by side with room', [label('a', 'Bến Thành', 100, 100), label('b', 'Sài Gòn', 157, 100)], ['a', 'b']],
    ['side by side touching', [label('a', 'Bến Thành', 100, 100), label('b', 'Sài Gòn', 155, 100)], ['a']],
    ['one above the other', [label('a', 'Bến Thành', 100, 100), label('b', 'Sài Gòn', 100, 122)], ['a', 'b']],
    ['off the left edge', [label('a', 'Bến Thành', 20, 100)], []],
    ['off the bottom edge', [label('a', 'Bến Thành', 100, 295)], []],
    ['an overlap with a dropped label does not count', [label('a', 'Bến Thành', 390, 100), label('b', 'Sài Gòn', 340, 100)], ['b']],
    ['nothing', [], []],
  ])('%s', (_, candidates, kept) => {
    expect(declutterLabels(candidates, identity, SCREEN).map((candidate) => candidate.code)).toEqual(kept);
  });

  it('keeps the candidates themselves, extra fields included', () => {
    const candidates = [{ ...label('a', 'An Khánh', 200, 150), population: 12 }];
    expect(declutterLabels(candidates, identity, SCREEN)[0]).toBe(candidates[0]);
  });
});
