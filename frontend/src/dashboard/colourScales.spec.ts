import { describe, expect, it } from 'vitest';
import {
  changeColour,
  classBreaks,
  classColour,
  legendClasses,
  niceCeil,
  NO_DATA_COLOUR,
  rgbCss,
  STATUS_COLOURS,
  worstStatus,
  type ChoroplethMetric,
  type StatusColour,
  type StatusCounts,
} from './colourScales';

describe('worstStatus', () => {
  it.each<[StatusCounts, StatusColour]>([
    // One overdue ticket among forty does not paint a cell red, one in five does.
    [{ count: 40, overdue: 1, open: 39 }, 'open'],
    [{ count: 5, overdue: 1, open: 4 }, 'overdue'],
    [{ count: 10, overdue: 2, warning: 5, open: 8 }, 'overdue'],
    [{ count: 10, overdue: 1, warning: 2, open: 8 }, 'warning'],
    [{ count: 10, open: 5, resolved: 5 }, 'open'],
    [{ count: 10, open: 4, resolved: 6 }, 'resolved'],
    // Older tiles have no resolved count: what is not open is resolved.
    [{ count: 10, open: 3 }, 'resolved'],
    [{ count: 10, open: 7 }, 'open'],
    [{ count: 0 }, 'open'],
  ])('%j → %s', (cell, status) => {
    expect(worstStatus(cell)).toBe(status);
  });
});

describe('niceCeil', () => {
  it.each([
    [0, 0],
    [-3, 0],
    [1, 1],
    [1.2, 1.5],
    [2.2, 2.5],
    [7, 8],
    [9, 10],
    [11, 15],
    [23, 25],
    [0.42, 0.5],
    [130, 150],
    [999, 1000],
  ])('%d → %d', (value, nice) => {
    expect(niceCeil(value)).toBe(nice);
  });
});

describe('classBreaks and legendClasses', () => {
  it.each<[ChoroplethMetric, (number | null)[], number[]]>([
    // The on-time rate has fixed limits whatever the values.
    ['onTimeRate', [0.1, 0.99], [0.5, 0.7, 0.85, 0.95]],
    ['backlog', [], []],
    ['backlog', [null, Number.NaN], []],
    ['backlog', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [3, 5, 8, 10]],
    // 45 rounds up to 50, above every ward: no class would hold a ward, so no break.
    ['per10k', [12, 3, 45, 7, null, 30], [8, 15, 30]],
    // Few distinct values give fewer classes, without repeats.
    ['backlog', [4, 4, 4, 4, 4], [4]],
    ['backlog', [0, 0, 0, 0, 0], []],
  ])('%s %j → %j', (metric, values, breaks) => {
    expect(classBreaks(metric, values)).toEqual(breaks);
  });

  it('has one class more than breaks, from the darker end of the palette when short', () => {
    const full = legendClasses('backlog', [3, 5, 8, 10]);
    expect(full.map((cls) => [cls.from, cls.to])).toEqual([
      [null, 3],
      [3, 5],
      [5, 8],
      [8, 10],
      [10, null],
    ]);
    const short = legendClasses('backlog', [4]);
    expect(short.map((cls) => [cls.from, cls.to])).toEqual([
      [null, 4],
      [4, null],
    ]);
    expect(short.map((cls) => cls.colour)).toEqual(full.slice(-2).map((cls) => cls.colour));
    expect(legendClasses('backlog', [])).toHaveLength(1);
  });

  it.each<[number | null, number]>([
    [0, 0],
    [2.9, 0],
    [3, 1],
    [7.5, 2],
    [10, 4],
    [1000, 4],
  ])('%d falls in class %i', (value, index) => {
    const classes = legendClasses('backlog', [3, 5, 8, 10]);
    expect(classColour(value, classes)).toBe(classes[index].colour);
  });

  it.each([null, Number.NaN, Number.POSITIVE_INFINITY])('%d has no colour of its own', (value) => {
    expect(classColour(value, legendClasses('backlog', [3, 5, 8, 10]))).toBe(NO_DATA_COLOUR);
  });
});

describe('changeColour', () => {
  it.each<[number, number, [number, number, number, number]]>([
    [0, 10, [150, 150, 150, 60]],
    [5, 0, [150, 150, 150, 60]],
    [10, 10, [203, 24, 29, 230]],
    [-10, 10, [35, 139, 69, 230]],
    // Strength grows with the square root: a quarter of the largest change is half as strong.
    [2.5, 10, [203, 24, 29, 150]],
    [-40, 10, [35, 139, 69, 230]],
  ])('%d of %d → %j', (delta, maxAbs, colour) => {
    expect(changeColour(delta, maxAbs)).toEqual(colour);
  });

  it('writes CSS colours', () => {
    expect(rgbCss([203, 24, 29])).toBe('rgb(203 24 29)');
    expect(rgbCss([1, 2, 3, 200])).toBe('rgb(1 2 3)');
    expect(STATUS_COLOURS.overdue).toMatch(/^#[0-9a-f]{6}$/);
  });
});
