import type { ClientBase } from 'pg';
import { AdminUnitKind, buildPreReformVersions, FIRST_SNAPSHOT, REFORM_DATE, reformLinks } from './admin-unit-versions';
import {
  DATA_FILES,
  FeatureCollection,
  parseCsv,
  readSeedJson,
  readSeedText,
  ReformMapping,
  UnitVersionRow,
  Ward2019Props,
  Ward2025Props,
} from './seed-data';
import { countRows, execute, SeedStep } from './seed-step';

const CURRENT_KINDS: Record<string, AdminUnitKind> = { Phường: 'phuong', Xã: 'xa', 'Đặc khu': 'dac_khu' };

/**
 * Successors of a dissolved ward by overlap of its 2019 boundary with the current units. The
 * 2019 and 2025 layers were simplified independently, so a clean merge never overlaps 100 %:
 * one unit covering FULL_SHARE or more is the sole, full successor; otherwise every unit
 * covering PARTIAL_SHARE or more is a partial one, and smaller slivers are boundary noise.
 */
const FULL_SHARE = 0.85;
const PARTIAL_SHARE = 0.1;

// Shared by both inserts: GeoJSON in, a valid MultiPolygon out (ST_MakeValid may return a
// GeometryCollection with slivers, hence the extract).
const GEOM_SQL = `ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(u.geometry), 4326)), 3))`;

async function insertCurrentUnits(client: ClientBase): Promise<number> {
  const wards = readSeedJson<FeatureCollection<Ward2025Props>>(DATA_FILES.wards2025);
  const units = wards.features.map((f) => {
    const kind = CURRENT_KINDS[f.properties.loai];
    if (!kind) throw new Error(`unknown loai "${f.properties.loai}" for ${f.properties.ma_xa}`);
    return {
      code: f.properties.ma_xa,
      name: f.properties.ten_day_du,
      short_name: f.properties.ten,
      kind,
      population: f.properties.dan_so,
      area_km2: f.properties.dien_tich_km2,
      geometry: f.geometry,
    };
  });
  return execute(
    client,
    `INSERT INTO admin_unit (code, name, short_name, kind, province_code, district_name, geom, label_point,
                             population, area_km2, valid_from, valid_to, source)
     SELECT u.code, u.name, u.short_name, u.kind::admin_unit_kind, '79', NULL, g.geom, ST_PointOnSurface(g.geom),
            u.population, u.area_km2, $2::date, NULL, $3
     FROM jsonb_to_recordset($1::jsonb)
            AS u(code text, name text, short_name text, kind text, population int, area_km2 numeric, geometry jsonb)
     CROSS JOIN LATERAL (SELECT ${GEOM_SQL} AS geom) g
     ON CONFLICT (code, valid_from) DO NOTHING`,
    [
      JSON.stringify(units),
      REFORM_DATE,
      `${DATA_FILES.wards2025} (boundaries: vietnam-3d-map/gis.vn; names and predecessors: dvhcvn 20250701, sapnhap.bando.com.vn)`,
    ],
  );
}

async function insertPreReformUnits(client: ClientBase): Promise<number> {
  const versions = buildPreReformVersions(parseCsv(readSeedText(DATA_FILES.unitVersions)) as unknown as UnitVersionRow[]);
  const wards2019 = new Map(
    readSeedJson<FeatureCollection<Ward2019Props>>(DATA_FILES.wards2019).features.map((f) => [f.properties.ma_xa, f]),
  );
  const rows = versions.map((v) => {
    // The 2019 layer is the 2020-01-01 layout of old HCMC, so only that version gets its boundary.
    const ward = v.provinceCode === '79' && v.validFrom === FIRST_SNAPSHOT ? wards2019.get(v.code) : undefined;
    const listed = v.snapshots.length > 1 ? `GSO lists ${v.snapshots[0]}..${v.snapshots.at(-1)}` : `GSO list ${v.snapshots[0]}`;
    const boundary = ward ? `; boundary ${DATA_FILES.wards2019} (CSL_HCMC, 2019 census)` : '; no boundary';
    return {
      code: v.code,
      name: v.name,
      short_name: v.shortName,
      kind: v.kind,
      province_code: v.provinceCode,
      district_name: v.districtName,
      population: ward?.properties.dan_so_2019 ?? null,
      valid_from: v.validFrom,
      valid_to: v.validTo,
      source: `${listed} via dvhcvn (${DATA_FILES.unitVersions}); dated ${v.dating}${boundary}`,
      geometry: ward?.geometry ?? null,
    };
  });
  return execute(
    client,
    `INSERT INTO admin_unit (code, name, short_name, kind, province_code, district_name, geom, label_point,
                             population, area_km2, valid_from, valid_to, source)
     SELECT u.code, u.name, u.short_name, u.kind::admin_unit_kind, u.province_code, u.district_name,
            g.geom, ST_PointOnSurface(g.geom), u.population, round((ST_Area(g.geom::geography) / 1e6)::numeric, 2),
            u.valid_from, u.valid_to, u.source
     FROM jsonb_to_recordset($1::jsonb)
            AS u(code text, name text, short_name text, kind text, province_code text, district_name text,
                 population int, valid_from date, valid_to date, source text, geometry jsonb)
     CROSS JOIN LATERAL (SELECT CASE WHEN u.geometry IS NULL THEN NULL ELSE ${GEOM_SQL} END AS geom) g
     ON CONFLICT (code, valid_from) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** Every version of a pre-reform code inherits that code's 2025 successors, so older names resolve too. */
async function insertMappedLineage(client: ClientBase): Promise<{ inserted: number; oldCodes: string[] }> {
  const links = reformLinks(readSeedJson<ReformMapping>(DATA_FILES.reformMapping));
  const inserted = await execute(
    client,
    `INSERT INTO admin_unit_lineage (old_unit_id, new_unit_id, kind, effective_date)
     SELECT o.id, n.id, l.kind::lineage_kind, $2::date
     FROM jsonb_to_recordset($1::jsonb) AS l("oldCode" text, "newCode" text, kind text)
     JOIN admin_unit o ON o.code = l."oldCode" AND o.valid_to IS NOT NULL AND o.valid_to <= $2::date
     JOIN admin_unit n ON n.code = l."newCode" AND n.valid_to IS NULL
     ON CONFLICT (old_unit_id, new_unit_id) DO NOTHING`,
    [JSON.stringify(links), REFORM_DATE],
  );
  return { inserted, oldCodes: [...new Set(links.map((l) => l.oldCode))] };
}

/**
 * Wards dissolved before 2025 (2021 and 2025 mergers) are not in the reform mapping; their
 * successors come from overlaying their 2019 boundary on the current units.
 */
async function insertSpatialLineage(client: ClientBase, mappedCodes: string[]): Promise<number> {
  return execute(
    client,
    `WITH overlap AS (
       SELECT o.id AS old_id, n.id AS new_id,
              ST_Area(ST_Intersection(o.geom, n.geom)::geography) / ST_Area(o.geom::geography) AS share
       FROM admin_unit o
       JOIN admin_unit n ON n.valid_to IS NULL AND ST_Intersects(o.geom, n.geom)
       WHERE o.valid_to IS NOT NULL AND o.geom IS NOT NULL AND o.code <> ALL($1::text[])
     ), ranked AS (
       SELECT *, max(share) OVER (PARTITION BY old_id) AS top FROM overlap
     )
     INSERT INTO admin_unit_lineage (old_unit_id, new_unit_id, kind, effective_date)
     SELECT old_id, new_id, CASE WHEN top >= $2 THEN 'full' ELSE 'partial' END::lineage_kind, $4::date
     FROM ranked
     WHERE CASE WHEN top >= $2 THEN share = top ELSE share >= $3 END
     ON CONFLICT (old_unit_id, new_unit_id) DO NOTHING`,
    [mappedCodes, FULL_SHARE, PARTIAL_SHARE, REFORM_DATE],
  );
}

export const adminUnitsStep: SeedStep = {
  name: 'admin units',
  async run(client) {
    const current = await insertCurrentUnits(client);
    const preReform = await insertPreReformUnits(client);
    const mapped = await insertMappedLineage(client);
    const spatial = await insertSpatialLineage(client, mapped.oldCodes);
    return {
      current,
      'pre-reform': preReform,
      lineage: mapped.inserted + spatial,
      'total units': await countRows(client, 'SELECT count(*) AS n FROM admin_unit'),
      'total lineage': await countRows(client, 'SELECT count(*) AS n FROM admin_unit_lineage'),
    };
  },
};
