import type { WardKind } from './useWards';

/**
 * Colours of the map. The e2e test (e2e/browser/map.e2e.spec.ts) looks for the ward fills
 * blended over LAND at WARD_FILL_OPACITY; change both together.
 */
export const LAND = '#f3f1ea';
export const WATER = '#a9cce3';
export const ROAD = '#ffffff';
export const ROAD_CASING = '#cfc8b8';
export const WARD_LINE = '#8a7f6c';
export const WARD_LINE_ACTIVE = '#c2410c';

export const WARD_FILL: Record<WardKind, string> = {
  phuong: '#f4a259',
  xa: '#8cc084',
  dac_khu: '#b084cc',
  thi_tran: '#d4b483',
};

export const WARD_FILL_OPACITY = 0.35;
export const WARD_FILL_OPACITY_HOVER = 0.6;
export const WARD_FILL_OPACITY_SELECTED = 0.7;

/** Label ink and halo, RGB for deck.gl: dark enough to stand apart from every fill and line. */
export const LABEL_TEXT: [number, number, number] = [24, 31, 42];
export const LABEL_HALO: [number, number, number] = [255, 255, 255];
