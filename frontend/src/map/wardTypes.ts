import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** Kinds of commune-level unit since 1 July 2025 (thi_tran only appears in older boundary versions). */
export type WardKind = 'phuong' | 'xa' | 'dac_khu' | 'thi_tran';

/** Properties of one feature of GET /api/v1/geo/wards. */
export interface WardProperties {
  code: string;
  name: string;
  shortName: string;
  kind: WardKind;
  population: number | null;
  areaKm2: number | string | null;
  labelLng: number;
  labelLat: number;
}

export type WardFeature = Feature<MultiPolygon | Polygon, WardProperties>;
export type WardFeatureCollection = FeatureCollection<MultiPolygon | Polygon, WardProperties>;

/** [west, south, east, north] in WGS84 degrees. */
export type Bounds = [number, number, number, number];
