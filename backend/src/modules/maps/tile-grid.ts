/** Web Mercator (EPSG:3857) maths for the report tiles; plain TypeScript, no Nest or SQL. */

/** The full width of the EPSG:3857 world square, in projected metres. */
export const WORLD_M = 2 * 20037508.342789244;
export const TILE_EXTENT = 4096;
// 64 of 4096 units (8 screen px on a 512 px tile): fine enough for a heatmap, coarse enough that
// a tile carries at most 64 × 64 cells and stays well under 150 KB.
export const HEAT_CELL_UNITS = 64;
/** Heat up to here; H3 hexagons at the next zooms (see HEX_RESOLUTION_AT). */
export const MAX_GRID_ZOOM = 11;
/** The H3 resolution drawn at each hexagon zoom. */
export const HEX_RESOLUTION_AT: Record<number, 8 | 9> = { 12: 8, 13: 9 };
// The transparency map never shows anything finer than a level-12 cell (~150 m on the ground) nor
// a cell of fewer than 5 reports, so a single household's complaint cannot be singled out.
export const PUBLIC_MAX_LEVEL = 12;
export const PUBLIC_MIN_COUNT = 5;

/** Side of a heat cell at zoom z, in projected metres; cells are aligned with the tile edges. */
export function heatCellMetres(z: number): number {
  return WORLD_M / 2 ** z / (TILE_EXTENT / HEAT_CELL_UNITS);
}

/** The public snap: every public figure is counted on this grid or a coarser one aligned with it. */
export const PUBLIC_SNAP_M = heatCellMetres(PUBLIC_MAX_LEVEL);

/** The public map's cell: the zoom's heat cell, never finer than the public snap. */
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

/**
 * A point as public surfaces may show it (Open311, open data): the centre of its public snap cell,
 * the same grid the transparency map counts on, so no surface shows a point finer than ~150 m.
 */
export function snapToPublicCell(lat: number, lng: number): { lat: number; lng: number } {
  const { x, y } = toMercator(lat, lng);
  const centre = (v: number) => (Math.floor((v + WORLD_M / 2) / PUBLIC_SNAP_M) + 0.5) * PUBLIC_SNAP_M - WORLD_M / 2;
  return fromMercator(centre(x), centre(y));
}

/** EPSG:3857 metres → WGS 84, rounded to 6 decimals (~0.1 m). */
export function fromMercator(x: number, y: number): { lat: number; lng: number } {
  const r = WORLD_M / (2 * Math.PI);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { lat: round(((2 * Math.atan(Math.exp(y / r)) - Math.PI / 2) * 180) / Math.PI), lng: round(((x / r) * 180) / Math.PI) };
}

/** WGS 84 → EPSG:3857 metres. */
export function toMercator(lat: number, lng: number): { x: number; y: number } {
  const r = WORLD_M / (2 * Math.PI);
  return { x: (lng * Math.PI * r) / 180, y: r * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) };
}
