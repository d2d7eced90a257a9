import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { API_BASE, data, publicApi, type Schemas } from '../api/client';
import { loadStateOf, type LoadState } from '../api/loadState';
import { queryKeys } from '../api/queryKeys';
import type { PublicMapClick } from './usePublicMap';

/** GET /public/insights/cell: the public tile cell holding a point, by public category, or hidden under 5 reports. */
export type PublicCell = Schemas['PublicCellInsights'];
/** GET /public/insights/wards: per ward, public categories, last 30 days. */
export type PublicWards = Schemas['PublicWardsInsights'];

export const PUBLIC_TILES_PATH = `${API_BASE}/public/tiles/reports/`;
export const PUBLIC_LIVE_PATH = `${API_BASE}/public/live/reports`;

/** Absolute template (MapLibre's worker resolves no relative URL); `g` follows new reports. */
export function publicTileUrl(generation: number | null): string {
  const query = generation === null ? '' : `?g=${generation}`;
  return `${window.location.origin}${PUBLIC_TILES_PATH}{z}/{x}/{y}.mvt${query}`;
}

export function usePublicWards(): LoadState<PublicWards> {
  return loadStateOf(
    useQuery({
      queryKey: queryKeys.publicWards(),
      queryFn: ({ signal }) => data(publicApi.GET('/api/v1/public/insights/wards', { signal })),
    }),
  );
}

/** The cell under a click (none without one); the previous cell stays shown while the next loads. */
export function usePublicCell(click: PublicMapClick | null): LoadState<PublicCell> {
  // Six decimals (~0.1 m) and the whole zoom level: the cell is the same for any finer click.
  const lat = Number((click?.lngLat[1] ?? 0).toFixed(6));
  const lng = Number((click?.lngLat[0] ?? 0).toFixed(6));
  const z = Math.floor(click?.zoom ?? 0);
  return loadStateOf(
    useQuery({
      queryKey: queryKeys.publicCell(lat, lng, z),
      queryFn: ({ signal }) => data(publicApi.GET('/api/v1/public/insights/cell', { params: { query: { lat, lng, z } }, signal })),
      enabled: click !== null,
      placeholderData: keepPreviousData,
    }),
  );
}
