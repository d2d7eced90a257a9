import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WardSearchHit } from './geo.dto';
import { LocatedWard, wardContaining } from './ward-lookup.sql';

export type { LocatedWard } from './ward-lookup.sql';

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

  /** The current unit containing a point (see wardContaining). */
  async locate(lng: number, lat: number): Promise<LocatedWard | null> {
    const rows: LocatedWard[] = await this.db.query(wardContaining('$1', '$2'), [lng, lat]);
    return rows[0] ?? null;
  }

  /**
   * Accent-insensitive search over current and former units; a former unit answers with the
   * current unit(s) it became (the 2025 crosswalk), so "phuong 7 quan 5" finds Phường An Đông.
   */
  async search(key: string, limit: number): Promise<WardSearchHit[]> {
    return this.db
      .query(
        `WITH hits AS (
         SELECT a.id, a.valid_to IS NULL AS current,
                a.name || coalesce(', ' || a.district_name, '') AS matched,
                word_similarity($1, f_search_key(a.name || ' ' || coalesce(a.district_name, ''))) AS score
           FROM admin_unit a
          WHERE $1 <% f_search_key(a.name || ' ' || coalesce(a.district_name, ''))),
       resolved AS (
         SELECT h.*, coalesce(l.new_unit_id, h.id) AS unit_id
           FROM hits h LEFT JOIN admin_unit_lineage l ON NOT h.current AND l.old_unit_id = h.id
          WHERE h.current OR l.new_unit_id IS NOT NULL)
       SELECT DISTINCT ON (u.code) u.code, u.name, u.kind::text AS kind, u.district_name AS "districtName",
              r.matched, r.current, round(ST_X(u.label_point)::numeric, 6)::float8 AS lng,
              round(ST_Y(u.label_point)::numeric, 6)::float8 AS lat, r.score
         FROM resolved r JOIN admin_unit u ON u.id = r.unit_id AND u.valid_to IS NULL
        ORDER BY u.code, r.score DESC, r.current DESC`,
        [key],
      )
      .then((rows: (WardSearchHit & { score: number })[]) =>
        rows
          .sort((a, b) => b.score - a.score || Number(b.current) - Number(a.current) || a.name.length - b.name.length)
          .slice(0, limit)
          .map(({ score: _score, ...hit }) => hit),
      );
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
