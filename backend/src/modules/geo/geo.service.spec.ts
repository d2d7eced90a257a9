import { isTile } from './geo.service';

describe('isTile', () => {
  it.each([
    [0, 0, 0, true],
    [1, 1, 1, true],
    [1, 2, 0, false],
    [10, 1023, 1023, true],
    [10, 1024, 0, false],
    [-1, 0, 0, false],
    [23, 0, 0, false],
    [2.5, 0, 0, false],
    [3, -1, 0, false],
  ])('z=%d x=%d y=%d → %s', (z, x, y, ok) => {
    expect(isTile(z, x, y)).toBe(ok);
  });
});
