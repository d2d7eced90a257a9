import { useQuery } from '@tanstack/react-query';
import type { Position } from 'geojson';
import { data, publicApi, type Schemas } from '../api/client';
import { queryKeys } from '../api/queryKeys';

export type WardFeatureCollection = Schemas['WardFeatureCollection'];
/** Properties of one feature of GET /api/v1/geo/wards. */
export type WardProperties = Schemas['WardProperties'];
/** Kinds of commune-level unit since 1 July 2025 (thi_tran only appears in older boundary versions). */
export type WardKind = WardProperties['kind'];
/** [west, south, east, north] in WGS84 degrees. */
export type Bounds = [number, number, number, number];

export type WardsState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; wards: WardProperties[]; byCode: ReadonlyMap<string, WardProperties>; bounds: Bounds | null };

/** Bounding box of every unit, Côn Đảo included, so the first view shows all of them. */
export function boundsOf(collection: WardFeatureCollection): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = ([lng, lat]: Position) => {
    if (lng < west) west = lng;
    if (lng > east) east = lng;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  };
  for (const { geometry } of collection.features) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) ring.forEach(visit);
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/** The current units, fetched once for every map and list that needs them; each reads its own view (`select`). */
export function useWardCollection<T>(enabled: boolean, select: (collection: WardFeatureCollection) => T) {
  return useQuery({
    queryKey: queryKeys.wards(),
    queryFn: ({ signal }) => data(publicApi.GET('/api/v1/geo/wards', { signal })),
    enabled,
    select,
  });
}

function wardsOf(collection: WardFeatureCollection): WardsState {
  const wards = collection.features.map((feature) => feature.properties);
  return { status: 'ready', wards, byCode: new Map(wards.map((ward) => [ward.code, ward])), bounds: boundsOf(collection) };
}

/** The current units of a map page; tiles draw the shapes, so only the properties and the bbox are kept. */
export function useWards(): WardsState {
  const query = useWardCollection(true, wardsOf);
  if (query.isError) return { status: 'error' };
  return query.data ?? { status: 'loading' };
}
