import type { ClientBase } from 'pg';
import { DATA_FILES, FeatureCollection, readSeedJson } from './seed-data';
import { countRows, execute, SeedStep } from './seed-step';

interface WaterProps {
  id: number;
  area_km2: number;
}

interface RoadProps {
  u: number;
  v: number;
  key: number;
  speed_kph: number;
}

/**
 * basemap_feature has no natural key of its own, so each row carries `src` (the data file) and
 * `ref` (the feature's id in it) in props; a re-run skips what is already there.
 */
async function insertLayer(
  client: ClientBase,
  layer: string,
  features: { ref: string; props: Record<string, unknown>; geometry: unknown }[],
  geomSql: string,
): Promise<number> {
  return execute(
    client,
    `INSERT INTO basemap_feature (layer, props, geom)
     SELECT $2, f.props || jsonb_build_object('ref', f.ref), ${geomSql}
     FROM jsonb_to_recordset($1::jsonb) AS f(ref text, props jsonb, geometry jsonb)
     WHERE NOT EXISTS (
       SELECT 1 FROM basemap_feature b
       WHERE b.layer = $2 AND b.props->>'src' = f.props->>'src' AND b.props->>'ref' = f.ref)`,
    [JSON.stringify(features), layer],
  );
}

export const basemapStep: SeedStep = {
  name: 'basemap',
  async run(client) {
    const water = readSeedJson<FeatureCollection<WaterProps>>(DATA_FILES.water).features.map((f) => ({
      ref: String(f.properties.id),
      props: { kind: 'water', area_km2: f.properties.area_km2, src: DATA_FILES.water },
      geometry: f.geometry,
    }));
    const roads = readSeedJson<FeatureCollection<RoadProps>>(DATA_FILES.roads).features.map((f) => ({
      ref: `${f.properties.u}-${f.properties.v}-${f.properties.key}`,
      props: { kind: 'major_road', speed_kph: f.properties.speed_kph, src: DATA_FILES.roads },
      geometry: f.geometry,
    }));
    // One OSM water polygon self-intersects; MakeValid before the transform keeps it renderable.
    const waterInserted = await insertLayer(
      client,
      'water',
      water,
      `ST_Transform(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(f.geometry), 4326)), 3), 3857)`,
    );
    const roadsInserted = await insertLayer(client, 'roads', roads, `ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(f.geometry), 4326), 3857)`);
    return {
      water: waterInserted,
      roads: roadsInserted,
      total: await countRows(client, 'SELECT count(*) AS n FROM basemap_feature'),
    };
  },
};
