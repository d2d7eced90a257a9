import { formatTrackingCode, TRACKING_ALPHABET, TRACKING_CODE_PATTERN } from './tracking-code';

describe('tracking codes', () => {
  it('use 32 distinct symbols, none of them confusable (0/O, 1/I)', () => {
    expect(new Set(TRACKING_ALPHABET).size).toBe(32);
    expect(TRACKING_ALPHABET).not.toMatch(/[01OI]/);
  });

  it.each([
    [{ year: 2026, month: 3, day: 6 }, 0, 'HCM-260306-222222'],
    [{ year: 2026, month: 12, day: 31 }, 2 ** 30 - 1, 'HCM-261231-ZZZZZZ'],
    [{ year: 2025, month: 7, day: 1 }, 31, 'HCM-250701-22222Z'],
    [{ year: 2025, month: 7, day: 1 }, 32, 'HCM-250701-222232'],
  ])('%j with bits %d → %s', (date, bits, code) => {
    expect(formatTrackingCode(date, bits)).toBe(code);
    expect(code).toMatch(TRACKING_CODE_PATTERN);
  });
});
