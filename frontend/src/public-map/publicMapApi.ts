import { API_BASE, apiRequest } from '../api/httpClient';

/** GET /public/insights/cell: the public tile cell holding a point, by public category, or hidden under 5 reports. */
export type PublicCell =
  | { hidden: true }
  | {
      hidden: false;
      from: string;
      to: string;
      cellM: number;
      total: number;
      categories: { category: string; name: string; nameEn: string; count: number }[];
      /** Reports of categories with fewer than 5 in the cell, not named. */
      others: number;
    };

/** GET /public/insights/wards: per ward, public categories, last 30 days. */
export interface PublicWards {
  from: string;
  to: string;
  wards: { code: string; name: string; received: number; resolved: number; onTimeRate: number | null }[];
}

export const PUBLIC_TILES_PATH = `${API_BASE}/public/tiles/reports/`;
export const PUBLIC_LIVE_PATH = `${API_BASE}/public/live/reports`;

/** Absolute template (MapLibre's worker resolves no relative URL); `g` follows new reports. */
export function publicTileUrl(generation: number | null): string {
  const query = generation === null ? '' : `?g=${generation}`;
  return `${window.location.origin}${PUBLIC_TILES_PATH}{z}/{x}/{y}.mvt${query}`;
}

export function fetchPublicCell(lat: number, lng: number, zoom: number, signal: AbortSignal): Promise<PublicCell> {
  const params = new URLSearchParams({ lat: lat.toFixed(6), lng: lng.toFixed(6), z: String(Math.floor(zoom)) });
  return apiRequest<PublicCell>(`/public/insights/cell?${params.toString()}`, { signal });
}

export function fetchPublicWards(signal: AbortSignal): Promise<PublicWards> {
  return apiRequest<PublicWards>('/public/insights/wards', { signal });
}
