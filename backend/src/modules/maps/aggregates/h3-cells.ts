import { cellToBoundary, cellToParent, latLngToCell } from 'h3-js';

/** An H3 index as PostgreSQL's bigint, in decimal text (the 64-bit index never sets the sign bit). */
export const h3ToBigint = (h3: string): string => BigInt(`0x${h3}`).toString();
export const bigintToH3 = (n: string): string => BigInt(n).toString(16);

/** The resolution-8 and -9 cells holding a WGS 84 point, as bigint text. */
export function hexCellsOf(lat: number, lng: number): { h8: string; h9: string } {
  const h9 = latLngToCell(lat, lng, 9);
  return { h8: h3ToBigint(cellToParent(h9, 8)), h9: h3ToBigint(h9) };
}

/** A cell's outline as WGS 84 WKT (closed ring, longitude first). */
export function hexOutlineWkt(cell: string): string {
  const ring = cellToBoundary(bigintToH3(cell), true);
  return `POLYGON((${ring.map(([lng, lat]) => `${lng} ${lat}`).join(',')}))`;
}
