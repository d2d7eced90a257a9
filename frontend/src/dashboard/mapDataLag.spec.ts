import { describe, expect, it } from 'vitest';
import { mapDataLagSeconds } from './mapDataLag';

describe('mapDataLagSeconds', () => {
  it.each([
    [null, null],
    [{ replica: false as const }, null],
    [{ replica: true as const, seconds: null, bytes: null }, null],
    [{ replica: true as const, seconds: 0, bytes: 0 }, null],
    [{ replica: true as const, seconds: 0.4, bytes: 120 }, null],
    [{ replica: true as const, seconds: 0.6, bytes: 120 }, 1],
    [{ replica: true as const, seconds: 12.3, bytes: 4_000_000 }, 12],
    [{ replica: true as const, seconds: 3600, bytes: null }, 3600],
  ])('%j → %j', (lag, seconds) => {
    expect(mapDataLagSeconds(lag)).toBe(seconds);
  });
});
