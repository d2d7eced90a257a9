import { CATEGORIES, expandKeywords } from './categories.data';
import { CITY_UNIT_CODE, CITY_UNITS, wardCommitteeNames } from './handling-units.data';
import { describedCategories } from './report-generator.session';
import { buildRoutingRules } from './routing-rules.seed';
import { DATA_FILES, readSeedJson, ReformMapping } from './seed-data';

describe('categories', () => {
  const unitCodes = new Set(CITY_UNITS.map((u) => u.code));

  it('have unique lowercase-kebab Open311 codes', () => {
    const codes = CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    codes.forEach((code) => expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/));
    expect(codes.length).toBeGreaterThanOrEqual(30);
  });

  it('name a default unit that exists whenever they are handled by a department', () => {
    for (const c of CATEGORIES) {
      if (c.defaultUnit !== null) expect(unitCodes.has(c.defaultUnit)).toBe(true);
    }
  });

  it('offer Open311 value lists with unique keys', () => {
    for (const attribute of CATEGORIES.flatMap((c) => c.attributes ?? [])) {
      if (attribute.datatype === 'singlevaluelist') {
        const keys = attribute.values!.map((v) => v.key);
        expect(new Set(keys).size).toBe(keys.length);
      }
    }
  });

  it('all have texts and a share in the demo-report generator', () => {
    expect(describedCategories()).toEqual(CATEGORIES.map((c) => c.code));
  });

  it.each([
    [['ngập nước'], ['ngập nước', 'ngap nuoc']],
    [
      ['đèn đường', 'đèn đường'],
      ['đèn đường', 'den duong'],
    ],
    [['karaoke'], ['karaoke']],
  ])('expandKeywords(%j) adds the accent-free forms: %j', (keywords, expected) => {
    expect(expandKeywords(keywords)).toEqual(expected);
  });
});

describe('handling units', () => {
  it('climb to the city: every parent exists and is listed before its children', () => {
    const seen = new Set<string>();
    for (const u of CITY_UNITS) {
      if (u.code === CITY_UNIT_CODE) expect(u.parent).toBeNull();
      else expect(seen.has(u.parent!)).toBe(true);
      seen.add(u.code);
    }
  });

  it.each([
    [{ name: 'Phường Bến Thành', shortName: 'Bến Thành', kind: 'phuong' }, 'UBND Phường Bến Thành', "People's Committee of Ben Thanh Ward"],
    [{ name: 'Xã Bình Chánh', shortName: 'Bình Chánh', kind: 'xa' }, 'UBND Xã Bình Chánh', "People's Committee of Binh Chanh Commune"],
    [
      { name: 'Đặc khu Côn Đảo', shortName: 'Côn Đảo', kind: 'dac_khu' },
      'UBND Đặc khu Côn Đảo',
      "People's Committee of Con Dao Special Zone",
    ],
  ])('a ward committee of %j is "%s" / "%s"', (unit, name, nameEn) => {
    expect(wardCommitteeNames(unit)).toEqual({ name, nameEn });
  });
});

describe('buildRoutingRules', () => {
  const rules = buildRoutingRules(readSeedJson<ReformMapping>(DATA_FILES.reformMapping));
  const unitFor = (ward: string, category: string) => rules.find((r) => r.ward === ward && r.category === category)?.unit ?? null;

  it.each([
    ['26732', 'garbage', 'UBND-26732'], // Côn Đảo runs its own waste collection
    ['26732', 'water-supply', 'UBND-26732'],
    ['26732', 'power-outage', 'PC-BRVT'],
    ['26743', 'flooding', 'UDC'], // Bến Thành
    ['25747', 'water-supply', 'BIWASE'], // Thủ Dầu Một, former Bình Dương
    ['25747', 'power-outage', 'PC-BINHDUONG'],
    ['25747', 'street-light', 'UBND-25747'],
    ['26506', 'flooding', 'BUSADCO'], // Vũng Tàu
    ['26506', 'water-supply', 'BWACO'],
    ['27316', 'water-supply', null], // An Đông, old HCMC: the category default (SAWACO)
    ['27316', 'garbage', null],
  ])('ward %s, %s → %s', (ward, category, unit) => {
    expect(unitFor(ward, category)).toBe(unit);
  });

  it('has one rule at most per (ward, category)', () => {
    const keys = rules.map((r) => `${r.ward}:${r.category}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
