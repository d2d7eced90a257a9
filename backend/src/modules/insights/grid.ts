/**
 * The ~500 m cells the dashboard clusters on: squares of 500 Web-Mercator metres (report.point_3857),
 * about 490 m on the ground at Hồ Chí Minh City's latitude. Cell (i, j) covers
 * [i·500, (i+1)·500) × [j·500, (j+1)·500) in EPSG:3857.
 */
export const CELL_M = 500;
const R = 6_378_137;

export interface LngLat {
  lng: number;
  lat: number;
}

/** The cell's centre in WGS 84 (inverse spherical Mercator), to 6 decimals (~0.1 m). */
export function cellCentre(i: number, j: number): LngLat {
  const x = (i + 0.5) * CELL_M;
  const y = (j + 0.5) * CELL_M;
  const lng = (x / R) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI);
  return { lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
}

/** The 8 squares around (i, j) — the queen's-case neighbourhood Gi* uses (the cell itself is added there). */
export function squareNeighbours(i: number, j: number): [number, number][] {
  const out: [number, number][] = [];
  for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) if (di || dj) out.push([i + di, j + dj]);
  return out;
}
