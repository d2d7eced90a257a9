import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface WardFeatureCollection {
  type: 'FeatureCollection';
  features: unknown[];
}

@Injectable()
export class GeoRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The units in force today, as one GeoJSON document built by PostGIS (6 decimals ≈ 0.1 m). */
  async currentWardsGeoJson(): Promise<string> {
    const rows: { doc: string }[] = await this.db.query(`
      SELECT json_build_object(
        'type', 'FeatureCollection',
        'features', coalesce(json_agg(json_build_object(
          'type', 'Feature',
          'id', a.code,
          'properties', json_build_object(
            'code', a.code, 'name', a.name, 'shortName', a.short_name, 'kind', a.kind,
            'population', a.population, 'areaKm2', a.area_km2::float8,
            'labelLng', round(ST_X(a.label_point)::numeric, 6), 'labelLat', round(ST_Y(a.label_point)::numeric, 6),
            'validFrom', a.valid_from),
          'geometry', ST_AsGeoJSON(a.geom, 6)::json) ORDER BY a.code), '[]'::json)
      )::text AS doc
      FROM admin_unit a
      WHERE a.valid_to IS NULL AND a.geom IS NOT NULL`);
    return rows[0].doc;
  }

  /** One Mapbox Vector Tile of the offline basemap: water, roads and ward outlines. */
  async basemapTile(z: number, x: number, y: number): Promise<Buffer> {
    const rows: { tile: Buffer }[] = await this.db.query(
      `WITH bounds AS (SELECT ST_TileEnvelope($1, $2, $3) AS env, ST_Transform(ST_TileEnvelope($1, $2, $3), 4326) AS env4326),
      water AS (
        SELECT ST_AsMVTGeom(f.geom, b.env, 4096, 64, true) AS geom, f.props->>'kind' AS kind
          FROM basemap_feature f, bounds b
         WHERE f.layer = 'water' AND f.geom && b.env),
      roads AS (
        SELECT ST_AsMVTGeom(f.geom, b.env, 4096, 64, true) AS geom, (f.props->>'speed_kph')::float8 AS speed_kph
          FROM basemap_feature f, bounds b
         WHERE f.layer = 'roads' AND f.geom && b.env AND ($1 >= 10 OR (f.props->>'speed_kph')::float8 >= 40)),
      wards AS (
        SELECT ST_AsMVTGeom(ST_Transform(a.geom, 3857), b.env, 4096, 64, true) AS geom, a.code, a.name, a.kind::text AS kind
          FROM admin_unit a, bounds b
         WHERE a.valid_to IS NULL AND a.geom && b.env4326)
      SELECT (SELECT coalesce(ST_AsMVT(water.*, 'water', 4096, 'geom'), '') FROM water WHERE geom IS NOT NULL)
          || (SELECT coalesce(ST_AsMVT(roads.*, 'roads', 4096, 'geom'), '') FROM roads WHERE geom IS NOT NULL)
          || (SELECT coalesce(ST_AsMVT(wards.*, 'wards', 4096, 'geom'), '') FROM wards WHERE geom IS NOT NULL) AS tile`,
      [z, x, y],
    );
    return rows[0].tile;
  }
}
