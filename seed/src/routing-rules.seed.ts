import type { ClientBase } from 'pg';
import { REFORM_DATE } from './admin-unit-versions';
import { wardCommitteeCode } from './handling-units.data';
import { DATA_FILES, readSeedJson, ReformMapping } from './seed-data';
import { countRows, execute, SeedStep } from './seed-step';

/** The ward's own People's Committee. */
const WARD = 'WARD';

interface RegionalRule {
  category: string;
  unit: string;
  note: string;
}

const FORMER_BINH_DUONG: RegionalRule[] = [
  { category: 'water-supply', unit: 'BIWASE', note: 'Địa bàn tỉnh Bình Dương cũ: cấp nước do BIWASE' },
  { category: 'flooding', unit: 'BIWASE', note: 'Địa bàn tỉnh Bình Dương cũ: thoát nước do BIWASE' },
  { category: 'drainage-blocked', unit: 'BIWASE', note: 'Địa bàn tỉnh Bình Dương cũ: thoát nước do BIWASE' },
  { category: 'manhole-cover', unit: 'BIWASE', note: 'Địa bàn tỉnh Bình Dương cũ: thoát nước do BIWASE' },
  { category: 'power-outage', unit: 'PC-BINHDUONG', note: 'Địa bàn tỉnh Bình Dương cũ: lưới điện của PC Bình Dương' },
];

const FORMER_BA_RIA_VUNG_TAU: RegionalRule[] = [
  { category: 'water-supply', unit: 'BWACO', note: 'Địa bàn tỉnh Bà Rịa – Vũng Tàu cũ: cấp nước do BWACO' },
  { category: 'flooding', unit: 'BUSADCO', note: 'Địa bàn tỉnh Bà Rịa – Vũng Tàu cũ: thoát nước do BUSADCO' },
  { category: 'drainage-blocked', unit: 'BUSADCO', note: 'Địa bàn tỉnh Bà Rịa – Vũng Tàu cũ: thoát nước do BUSADCO' },
  { category: 'manhole-cover', unit: 'BUSADCO', note: 'Địa bàn tỉnh Bà Rịa – Vũng Tàu cũ: thoát nước do BUSADCO' },
  { category: 'power-outage', unit: 'PC-BRVT', note: 'Địa bàn tỉnh Bà Rịa – Vũng Tàu cũ: lưới điện của PC Bà Rịa – Vũng Tàu' },
];

/** Services of old-HCMC companies (CITENCO, SAPULICO, Cây xanh, UDC canals) that stop at the old city limits. */
const LOCAL_SERVICES: RegionalRule[] = ['garbage', 'street-light', 'fallen-tree', 'park-damage', 'canal-garbage'].map((category) => ({
  category,
  unit: WARD,
  note: 'Ngoài địa bàn TP.HCM cũ: dịch vụ đô thị do UBND cấp xã tổ chức',
}));

const CON_DAO = '26732';
const BEN_THANH = '26743';

/** Côn Đảo runs its own waste, water and drainage; the brief's central-basin pin for Bến Thành. */
const SINGLE_WARD_RULES: { ward: string; rules: RegionalRule[] }[] = [
  {
    ward: CON_DAO,
    rules: ['water-supply', 'flooding', 'drainage-blocked', 'manhole-cover'].map((category) => ({
      category,
      unit: WARD,
      note: 'Đặc khu Côn Đảo tự tổ chức cấp thoát nước',
    })),
  },
  {
    ward: BEN_THANH,
    rules: [{ category: 'flooding', unit: 'UDC', note: 'Lưu vực trung tâm: UDC xử lý trực tiếp dù danh mục đổi đơn vị mặc định' }],
  },
];

/** Current unit code → the old province (79, 74 or 77) its predecessors belonged to. */
function formerProvinces(mapping: ReformMapping): Map<string, string> {
  const provinceOf = new Map<string, string>();
  for (const province of mapping.splits) {
    for (const old of province.level3s) provinceOf.set(old.level3_id, province.level1_id);
  }
  const result = new Map<string, string>();
  for (const unit of mapping.merges.level2s) {
    const provinces = new Set(unit.merges.map((m) => provinceOf.get(m.old_id) ?? (m.old_id === '755' ? '77' : '79')));
    // Every unit of the 2025 reform lies within one former province; a mixed one keeps the city default.
    if (provinces.size === 1) result.set(unit.level2_id, [...provinces][0]);
  }
  return result;
}

export function buildRoutingRules(mapping: ReformMapping): { ward: string; category: string; unit: string; note: string }[] {
  const rules = new Map<string, { ward: string; category: string; unit: string; note: string }>();
  const add = (ward: string, r: RegionalRule) =>
    rules.set(`${ward}:${r.category}`, {
      ward,
      category: r.category,
      unit: r.unit === WARD ? wardCommitteeCode(ward) : r.unit,
      note: r.note,
    });
  for (const [ward, province] of formerProvinces(mapping)) {
    if (province === '74') [...FORMER_BINH_DUONG, ...LOCAL_SERVICES].forEach((r) => add(ward, r));
    if (province === '77') [...FORMER_BA_RIA_VUNG_TAU, ...LOCAL_SERVICES].forEach((r) => add(ward, r));
  }
  for (const { ward, rules: wardRules } of SINGLE_WARD_RULES) wardRules.forEach((r) => add(ward, r));
  return [...rules.values()].sort((a, b) => a.ward.localeCompare(b.ward) || a.category.localeCompare(b.category));
}

export const routingRulesStep: SeedStep = {
  name: 'routing rules',
  async run(client: ClientBase) {
    const rules = buildRoutingRules(readSeedJson<ReformMapping>(DATA_FILES.reformMapping));
    const unresolved = await client.query<{ ward: string; category: string; unit: string }>(
      `SELECT r.ward, r.category, r.unit
       FROM jsonb_to_recordset($1::jsonb) AS r(ward text, category text, unit text)
       LEFT JOIN category c ON c.code = r.category
       LEFT JOIN handling_unit h ON h.code = r.unit
       WHERE c.id IS NULL OR h.id IS NULL`,
      [JSON.stringify(rules)],
    );
    if (unresolved.rows.length > 0) {
      const r = unresolved.rows[0];
      throw new Error(
        `${unresolved.rows.length} routing rules name a missing category or unit, e.g. ${r.category} → ${r.unit} in ${r.ward}`,
      );
    }
    // routing_rule has no natural key (rules are effective-dated history), so "the same rule"
    // is (category, ward, unit, valid_from).
    const inserted = await execute(
      client,
      `INSERT INTO routing_rule (category_id, admin_unit_code, handling_unit_id, valid_from, note)
       SELECT c.id, r.ward, h.id, $2::timestamptz, r.note
       FROM jsonb_to_recordset($1::jsonb) AS r(ward text, category text, unit text, note text)
       JOIN category c ON c.code = r.category
       JOIN handling_unit h ON h.code = r.unit
       WHERE NOT EXISTS (
         SELECT 1 FROM routing_rule x
         WHERE x.category_id = c.id AND x.admin_unit_code = r.ward AND x.handling_unit_id = h.id AND x.valid_from = $2::timestamptz)`,
      [JSON.stringify(rules), `${REFORM_DATE}T00:00:00+07:00`],
    );
    return { inserted, total: await countRows(client, 'SELECT count(*) AS n FROM routing_rule') };
  },
};
