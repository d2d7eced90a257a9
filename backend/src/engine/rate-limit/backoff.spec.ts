import { backoffSeconds, BackoffRule } from './backoff';

const rule: BackoffRule = { freeFailures: 3, baseSeconds: 1, maxSeconds: 300 };

describe('backoffSeconds', () => {
  it.each([
    [0, rule, 0],
    [1, rule, 0],
    [3, rule, 0],
    [4, rule, 1],
    [5, rule, 2],
    [6, rule, 4],
    [11, rule, 128],
    [12, rule, 256],
    [13, rule, 300],
    [10_000, rule, 300],
    [1, { freeFailures: 0, baseSeconds: 2, maxSeconds: 30 }, 2],
    [3, { freeFailures: 0, baseSeconds: 2, maxSeconds: 30 }, 8],
    [5, { freeFailures: 0, baseSeconds: 2, maxSeconds: 30 }, 30],
    [2, { freeFailures: 1, baseSeconds: 0.5, maxSeconds: 30 }, 1],
  ])('after %i failures under %j waits %i s', (failures, r, seconds) => {
    expect(backoffSeconds(failures, r)).toBe(seconds);
  });
});
