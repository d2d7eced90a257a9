import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The product ships its own copy of the reference data in seed/data. The sources run from
 * seed/src (jest) and the compiled files from backend/dist/seed/src, so the folder is found by
 * walking up rather than by a fixed relative path.
 */
export function seedDataDir(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'seed', 'data');
    if (existsSync(join(candidate, 'boundaries'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`seed/data not found above ${start}`);
  }
}

/** A data file's text; `.gz` files are gunzipped. */
export function readSeedText(relativePath: string): string {
  const raw = readFileSync(join(seedDataDir(), relativePath));
  return (relativePath.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}

export function readSeedJson<T>(relativePath: string): T {
  return JSON.parse(readSeedText(relativePath)) as T;
}

/** Minimal RFC 4180 reader: the data files quote fields only when they contain commas. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else {
      field += ch;
    }
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export const DATA_FILES = {
  wards2025: 'boundaries/hcmc_wards_2025_168.geojson',
  wards2019: 'boundaries/hcmc_wards_2019_322.geojson.gz',
  reformMapping: 'mapping/hcmc_2025_reform_mapping.json',
  unitVersions: 'mapping/hcmc_admin_units_versions.csv',
  water: 'basemap/hcmc_water_osm.geojson',
  roads: 'basemap/hcmc_major_roads_osm.geojson',
} as const;

export interface Feature<P> {
  type: 'Feature';
  properties: P;
  geometry: { type: string; coordinates: unknown };
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export interface Ward2025Props {
  ma_xa: string;
  ten: string;
  ten_day_du: string;
  loai: string;
  ma_tinh: string;
  dien_tich_km2: number;
  dan_so: number;
  truoc_sap_nhap: string;
}

export interface Ward2019Props {
  ma_xa: string;
  ten: string;
  loai: string;
  ten_huyen: string;
  dan_so_2019: number;
}

export interface ReformMapping {
  merges: {
    level2s: { level2_id: string; name: string; merges: { old_id: string; name: string; type: 'full' | 'partial' }[] }[];
  };
  splits: {
    level1_id: string;
    level3s: { level3_id: string; name: string; splits: { new_id: string; name: string }[] }[];
  }[];
}

export interface UnitVersionRow {
  snapshot_date: string;
  ma_tinh: string;
  ten_huyen: string;
  ma_xa: string;
  ten_xa: string;
}
