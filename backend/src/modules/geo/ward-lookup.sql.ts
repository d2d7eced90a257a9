export interface LocatedWard {
  id: string;
  code: string;
  name: string;
}

/**
 * SQL for the current unit containing the point (lng, lat) given as SQL expressions: id, code,
 * name, at most one row. The boundaries are simplified (~50 m) and leave slivers between
 * neighbours, so a point in a sliver goes to the nearest unit within 100 m. Intake inlines it
 * into the statement that writes the report.
 */
export function wardContaining(lng: string, lat: string): string {
  return `WITH p AS (SELECT ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326) AS pt)
    (SELECT a.id, a.code, a.name FROM admin_unit a, p
      WHERE a.valid_to IS NULL AND ST_Intersects(a.geom, p.pt) ORDER BY a.code LIMIT 1)
    UNION ALL
    (SELECT a.id, a.code, a.name FROM admin_unit a, p
      WHERE a.valid_to IS NULL AND ST_DWithin(a.geom::geography, p.pt::geography, 100)
      ORDER BY ST_Distance(a.geom::geography, p.pt::geography) LIMIT 1)
    LIMIT 1`;
}
