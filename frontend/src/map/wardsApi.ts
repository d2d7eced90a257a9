import type { Position } from 'geojson';
import { apiRequest } from '../api/httpClient';
import type { Bounds, WardFeatureCollection } from './wardTypes';

export function fetchWards(signal?: AbortSignal): Promise<WardFeatureCollection> {
  return apiRequest<WardFeatureCollection>('/geo/wards', { signal });
}

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
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) ring.forEach(visit);
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
