import { duplicateScore, DuplicateSignals } from './duplicate-score';

const base: DuplicateSignals = { distanceM: 50, ageHours: 24, textSimilarity: 0.5, sameCategory: true, open: true };

describe('duplicateScore', () => {
  it.each([
    ['closer', { distanceM: 10 }, { distanceM: 150 }],
    ['newer', { ageHours: 1 }, { ageHours: 150 }],
    ['more alike in words', { textSimilarity: 0.9 }, { textSimilarity: 0.1 }],
    ['same category', { sameCategory: true }, { sameCategory: false }],
    ['still open', { open: true }, { open: false }],
  ])('ranks the %s candidate higher', (_, better, worse) => {
    expect(duplicateScore({ ...base, ...better })).toBeGreaterThan(duplicateScore({ ...base, ...worse }));
  });

  it.each([
    [{ distanceM: 0, ageHours: 0, textSimilarity: 1, sameCategory: true, open: true }, 1],
    [{ distanceM: 200, ageHours: 168, textSimilarity: 0, sameCategory: false, open: false }, 0],
    [{ distanceM: 5000, ageHours: 9999, textSimilarity: -1, sameCategory: false, open: false }, 0],
  ])('stays within 0…1: %j → %d', (signals, expected) => {
    expect(duplicateScore(signals)).toBe(expected);
  });
});
