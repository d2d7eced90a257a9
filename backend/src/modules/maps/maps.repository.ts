import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PUBLIC_MIN_COUNT, PUBLIC_SNAP_M, TILE_EXTENT, WORLD_M } from './tile-grid';

export interface ReportTileQuery {
  z: number;
  x: number;
  y: number;
  from: Date;
  to: Date;
  now: Date;
  categories: string[] | null;
  group: string | null;
  /** null: every status but rejected (spam and out-of-scope are not issues). */
  statuses: string[] | null;
}

export interface TileLayers {
  heat: boolean;
  points: boolean;
  /** Side of a heat cell in projected metres. */
  cellM: number;
}

const ORIGIN = -WORLD_M / 2;
const OPEN = `r.status NOT IN ('resolved', 'closed', 'rejected', 'merged')`;

/**
 * Cell of a point on a grid aligned with the tile origin, as its centre. A cell belongs to the
 * tile holding its centre, so each cell is counted whole and in exactly one tile per zoom.
 */
const cellCentre = (geom: string, size: string) =>
  `ST_SetSRID(ST_MakePoint(${ORIGIN} + (floor((ST_X(${geom}) - ${ORIGIN}) / ${size}) + 0.5) * ${size},
                           ${ORIGIN} + (floor((ST_Y(${geom}) - ${ORIGIN}) / ${size}) + 0.5) * ${size}), 3857)`;

@Injectable()
export class MapsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The leaders' tile: `heat` cells with open/overdue counts and/or `points` without personal data. */
  async reportTile(q: ReportTileQuery, layers: TileLayers): Promise<Buffer> {
    const rows: { tile: Buffer }[] = await this.db.query(
      `WITH b AS (SELECT ST_TileEnvelope($1, $2, $3) AS env),
      r AS (
        SELECT r.id, r.code, r.status::text AS status, c.code AS category, r.point_3857 AS pt,
               ${OPEN} AS open, ${OPEN} AND r.resolution_due_at < $6 AS overdue
          FROM report r JOIN category c ON c.id = r.category_id, b
         WHERE r.point_3857 && ST_Expand(b.env, $9)
           AND r.created_at >= $4 AND r.created_at < $5
           AND ($7::text[] IS NULL OR c.code = ANY($7))
           AND ($8::text IS NULL OR c.group_code = $8)
           AND CASE WHEN $10::text[] IS NULL THEN r.status <> 'rejected' ELSE r.status::text = ANY($10) END),
      cells AS (
        SELECT ${cellCentre('r.pt', '$9::float8')} AS centre, count(*)::int AS count,
               count(*) FILTER (WHERE r.open)::int AS open, count(*) FILTER (WHERE r.overdue)::int AS overdue
          FROM r WHERE $11 GROUP BY 1),
      heat AS (
        SELECT ST_AsMVTGeom(cells.centre, b.env, ${TILE_EXTENT}, 64, true) AS geom, cells.count, cells.open, cells.overdue
          FROM cells, b WHERE ST_Intersects(cells.centre, b.env)),
      points AS (
        SELECT ST_AsMVTGeom(r.pt, b.env, ${TILE_EXTENT}, 64, true) AS geom, r.id, r.code, r.status, r.category, coalesce(r.overdue, false) AS overdue
          FROM r, b WHERE $12)
      SELECT (SELECT coalesce(ST_AsMVT(heat.*, 'heat', ${TILE_EXTENT}, 'geom'), '') FROM heat WHERE geom IS NOT NULL)
          || (SELECT coalesce(ST_AsMVT(points.*, 'points', ${TILE_EXTENT}, 'geom'), '') FROM points WHERE geom IS NOT NULL) AS tile`,
      [q.z, q.x, q.y, q.from, q.to, q.now, q.categories, q.group, layers.cellM, q.statuses, layers.heat, layers.points],
    );
    return rows[0].tile;
  }

  /**
   * The transparency tile: public categories only, points snapped to ~100 m before anything else,
   * counts only, cells under the minimum dropped.
   */
  async publicTile(q: { z: number; x: number; y: number; from: Date; to: Date; cellM: number }): Promise<Buffer> {
    const rows: { tile: Buffer }[] = await this.db.query(
      `WITH b AS (SELECT ST_TileEnvelope($1, $2, $3) AS env),
      snapped AS (
        SELECT ${cellCentre('r.point_3857', `${PUBLIC_SNAP_M}`)} AS pt
          FROM report r JOIN category c ON c.id = r.category_id, b
         WHERE c.is_public AND r.status <> 'rejected'
           AND r.point_3857 && ST_Expand(b.env, $6::float8 + ${PUBLIC_SNAP_M})
           AND r.created_at >= $4 AND r.created_at < $5),
      cells AS (
        SELECT ${cellCentre('pt', '$6::float8')} AS centre, count(*)::int AS count
          FROM snapped GROUP BY 1 HAVING count(*) >= ${PUBLIC_MIN_COUNT}),
      heat AS (
        SELECT ST_AsMVTGeom(cells.centre, b.env, ${TILE_EXTENT}, 64, true) AS geom, cells.count
          FROM cells, b WHERE ST_Intersects(cells.centre, b.env))
      SELECT coalesce((SELECT ST_AsMVT(heat.*, 'heat', ${TILE_EXTENT}, 'geom') FROM heat WHERE geom IS NOT NULL), '') AS tile`,
      [q.z, q.x, q.y, q.from, q.to, q.cellM],
    );
    return rows[0].tile;
  }
}
