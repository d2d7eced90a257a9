import type { ReformMapping, UnitVersionRow } from './seed-data';

export type AdminUnitKind = 'phuong' | 'xa' | 'dac_khu' | 'thi_tran';

/** The day the two-tier layout (168 units) took effect. */
export const REFORM_DATE = '2025-07-01';
/** The oldest GSO list in the data; earlier history is out of scope. */
export const FIRST_SNAPSHOT = '2020-01-01';

/**
 * Legal effective dates of the changes that show up between two GSO snapshots. Where a window
 * is not listed (Bình Dương, Bà Rịa–Vũng Tàu had several acts per window), the version starts
 * on the snapshot that first shows it, and the source text says so.
 */
const KNOWN_CHANGE_DATES = [
  { province: '79', after: '2020-01-01', before: '2021-07-01', date: '2021-01-01', act: 'NQ 1111/NQ-UBTVQH14' },
  { province: '79', after: '2024-09-01', before: '2025-03-01', date: '2025-01-01', act: 'NQ 1278/NQ-UBTVQH15' },
];

const KIND_PREFIXES: [string, AdminUnitKind][] = [
  ['Thị trấn ', 'thi_tran'],
  ['Phường ', 'phuong'],
  ['Xã ', 'xa'],
  ['Đặc khu ', 'dac_khu'],
];

/**
 * "Phường 07" → "Phường 7", double spaces collapsed. GSO dropped the zero padding in its 2025
 * list and citizens never type it, so one spelling keeps old-address search simple.
 */
export function normalizeUnitName(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(Phường|Xã|Thị trấn) 0+(\d)/u, '$1 $2');
}

/** The kind is read from the name: the GSO lists carry a few wrong `loai` values (a "Phường 5" typed Xã). */
export function kindFromName(name: string): AdminUnitKind | null {
  const hit = KIND_PREFIXES.find(([prefix]) => name.startsWith(prefix));
  return hit ? hit[1] : null;
}

/** "Phường Tân Định" → "Tân Định"; numbered wards keep the prefix ("Phường 7"), a bare "7" means nothing. */
export function shortUnitName(name: string): string {
  const hit = KIND_PREFIXES.find(([prefix]) => name.startsWith(prefix));
  if (!hit) return name;
  const rest = name.slice(hit[0].length);
  return /^\d+$/.test(rest) ? name : rest;
}

export interface PreReformVersion {
  code: string;
  provinceCode: string;
  name: string;
  shortName: string;
  kind: AdminUnitKind;
  districtName: string;
  validFrom: string;
  validTo: string;
  /** The GSO snapshots that list this version, oldest first. */
  snapshots: string[];
  /** How validFrom / validTo were dated (an act, or the snapshot that first/no longer shows it). */
  dating: string;
}

function changeDate(province: string, after: string, before: string): { date: string; how: string } {
  const known = KNOWN_CHANGE_DATES.find((c) => c.province === province && c.after === after && c.before === before);
  return known ? { date: known.date, how: known.act } : { date: before, how: `GSO list ${before}` };
}

/**
 * Collapses the GSO snapshots into versions: consecutive snapshots with the same name and
 * district are one version; a rename, a new district or a disappearance closes it. A unit still
 * listed in the last snapshot lived until the reform.
 */
export function buildPreReformVersions(rows: UnitVersionRow[]): PreReformVersion[] {
  const snapshots = [...new Set(rows.map((r) => r.snapshot_date))].sort();
  const byUnit = new Map<string, Map<string, UnitVersionRow>>();
  for (const r of rows) {
    const key = `${r.ma_tinh}:${r.ma_xa}`;
    if (!byUnit.has(key)) byUnit.set(key, new Map());
    byUnit.get(key)!.set(r.snapshot_date, r);
  }
  const versions: PreReformVersion[] = [];
  for (const [key, seen] of [...byUnit.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [province, code] = key.split(':');
    let open: PreReformVersion | null = null;
    const close = (index: number) => {
      if (!open) return;
      if (index >= snapshots.length) {
        open.validTo = REFORM_DATE;
      } else {
        const end = changeDate(province, snapshots[index - 1], snapshots[index]);
        open.validTo = end.date;
        open.dating += `; ended ${end.how}`;
      }
      versions.push(open);
      open = null;
    };
    snapshots.forEach((snapshot, i) => {
      const row = seen.get(snapshot);
      if (!row) {
        close(i);
        return;
      }
      const name = normalizeUnitName(row.ten_xa);
      const districtName = row.ten_huyen.replace(/\s+/g, ' ').trim();
      if (open && open.name === name && open.districtName === districtName) {
        open.snapshots.push(snapshot);
        return;
      }
      close(i);
      const start =
        i === 0 ? { date: FIRST_SNAPSHOT, how: `GSO list ${FIRST_SNAPSHOT}` } : changeDate(province, snapshots[i - 1], snapshot);
      open = {
        code,
        provinceCode: province,
        name,
        shortName: shortUnitName(name),
        kind: kindFromName(name) ?? 'xa',
        districtName,
        validFrom: start.date,
        validTo: REFORM_DATE,
        snapshots: [snapshot],
        dating: `from ${start.how}`,
      };
    });
    close(snapshots.length);
  }
  return versions;
}

export interface ReformLink {
  oldCode: string;
  newCode: string;
  kind: 'full' | 'partial';
}

/** Old → new links of the 2025 reform, from the mapping's `merges` (which carries full/partial). */
export function reformLinks(mapping: ReformMapping): ReformLink[] {
  return mapping.merges.level2s.flatMap((unit) =>
    unit.merges.map((old) => ({ oldCode: old.old_id, newCode: unit.level2_id, kind: old.type })),
  );
}
