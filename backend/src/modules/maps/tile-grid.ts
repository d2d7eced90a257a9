/** Web Mercator (EPSG:3857) maths for the report tiles; plain TypeScript, no Nest or SQL. */

/** The full width of the EPSG:3857 world square, in projected metres. */
export const WORLD_M = 2 * 20037508.342789244;
export const TILE_EXTENT = 4096;
// 32 of 4096 units (8 screen px on a 512 px tile): fine enough for a heatmap, coarse enough that
// a z12 tile carries at most 128 × 128 cells.
export const HEAT_CELL_UNITS = 32;
/** Heat up to here; one feature per report from the next zoom on. */
export const MAX_HEAT_ZOOM = 13;
// The transparency map never shows anything finer than ~100 m nor a cell of fewer than 5 reports,
// so a single household's complaint cannot be singled out.
export const PUBLIC_SNAP_M = 100;
export const PUBLIC_MIN_COUNT = 5;

/** Side of a heat cell at zoom z, in projected metres; cells are aligned with the tile edges. */
export function heatCellMetres(z: number): number {
  return WORLD_M / 2 ** z / (TILE_EXTENT / HEAT_CELL_UNITS);
}

/** The public map's cell: the zoom's heat cell, never finer than the 100 m snap. */
export function publicCellMetres(z: number): number {
  return Math.max(heatCellMetres(z), PUBLIC_SNAP_M);
}

/** The z/x/y tile holding a WGS 84 point (for tests and clients). */
export function tileOf(z: number, lat: number, lng: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** WGS 84 → EPSG:3857 metres. */
export function toMercator(lat: number, lng: number): { x: number; y: number } {
  const r = WORLD_M / (2 * Math.PI);
  return { x: (lng * Math.PI * r) / 180, y: r * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) };
}
