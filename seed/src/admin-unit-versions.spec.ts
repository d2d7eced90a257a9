import { buildPreReformVersions, kindFromName, normalizeUnitName, REFORM_DATE, reformLinks, shortUnitName } from './admin-unit-versions';
import { DATA_FILES, parseCsv, readSeedJson, readSeedText, ReformMapping, UnitVersionRow } from './seed-data';
import { itMapsEach } from '../../backend/src/testing/table';

describe('unit names', () => {
  itMapsEach('normalizeUnitName(%j) = %j', normalizeUnitName, [
    ['Phường 07', 'Phường 7'],
    ['Phường 15', 'Phường 15'],
    ['Phường  An Lạc', 'Phường An Lạc'],
    ['Xã 05', 'Xã 5'],
    ['Thị trấn 03', 'Thị trấn 3'],
    ['Phường Tân Định ', 'Phường Tân Định'],
  ]);

  it.each([
    ['Phường Bến Thành', 'phuong', 'Bến Thành'],
    ['Xã Bình Chánh', 'xa', 'Bình Chánh'],
    ['Thị trấn Củ Chi', 'thi_tran', 'Củ Chi'],
    ['Đặc khu Côn Đảo', 'dac_khu', 'Côn Đảo'],
    ['Phường 7', 'phuong', 'Phường 7'],
    ['Huyện Côn Đảo', null, 'Huyện Côn Đảo'],
  ])('%s is a %s named %s', (name, kind, short) => {
    expect(kindFromName(name)).toBe(kind);
    expect(shortUnitName(name)).toBe(short);
  });
});

describe('buildPreReformVersions', () => {
  const SNAPSHOTS = ['2020-01-01', '2021-07-01', '2024-09-01', '2025-03-01'];
  const row = (snapshot: string, province: string, code: string, name: string, district: string): UnitVersionRow => ({
    snapshot_date: snapshot,
    ma_tinh: province,
    ma_xa: code,
    ten_xa: name,
    ten_huyen: district,
  });
  // One unit present in every snapshot, so the fixture always has all four lists.
  const anchor = SNAPSHOTS.map((s) => row(s, '79', '99999', 'Phường Anchor', 'Quận 1'));
  const versionsOf = (rows: UnitVersionRow[], code: string) =>
    buildPreReformVersions([...anchor, ...rows])
      .filter((v) => v.code === code)
      .map((v) => [v.name, v.districtName, v.validFrom, v.validTo]);

  it.each([
    [
      'zero padding is not a rename',
      ['Phường 05', 'Phường 05', 'Phường 05', 'Phường 5'].map((n, i) => row(SNAPSHOTS[i], '79', '27334', n, 'Quận 5')),
      [['Phường 5', 'Quận 5', '2020-01-01', REFORM_DATE]],
    ],
    [
      'a 2024 rename in old HCMC is dated by its resolution (1 January 2025)',
      ['Phường 08', 'Phường 08', 'Phường 08', 'Phường 7'].map((n, i) => row(SNAPSHOTS[i], '79', '27316', n, 'Quận 5')),
      [
        ['Phường 8', 'Quận 5', '2020-01-01', '2025-01-01'],
        ['Phường 7', 'Quận 5', '2025-01-01', REFORM_DATE],
      ],
    ],
    [
      'a ward dissolved in the 2020 merger ends on 1 January 2021',
      [row('2020-01-01', '79', '27121', 'Phường 08', 'Quận 3')],
      [['Phường 8', 'Quận 3', '2020-01-01', '2021-01-01']],
    ],
    [
      'a new district (Thủ Đức city) opens a version',
      ['Quận 2', 'Thành phố Thủ Đức', 'Thành phố Thủ Đức', 'Thành phố Thủ Đức'].map((d, i) =>
        row(SNAPSHOTS[i], '79', '27088', 'Phường Thảo Điền', d),
      ),
      [
        ['Phường Thảo Điền', 'Quận 2', '2020-01-01', '2021-01-01'],
        ['Phường Thảo Điền', 'Thành phố Thủ Đức', '2021-01-01', REFORM_DATE],
      ],
    ],
    [
      'elsewhere a change is dated by the list that first shows it',
      ['Thị xã Bến Cát', 'Thị xã Bến Cát', 'Thành phố Bến Cát', 'Thành phố Bến Cát'].map((d, i) =>
        row(SNAPSHOTS[i], '74', '25813', 'Phường Mỹ Phước', d),
      ),
      [
        ['Phường Mỹ Phước', 'Thị xã Bến Cát', '2020-01-01', '2024-09-01'],
        ['Phường Mỹ Phước', 'Thành phố Bến Cát', '2024-09-01', REFORM_DATE],
      ],
    ],
    [
      'a unit missing from the last list ended when that list was published',
      SNAPSHOTS.slice(0, 3).map((s) => row(s, '77', '26692', 'Thị trấn Phước Hải', 'Huyện Đất Đỏ')),
      [['Thị trấn Phước Hải', 'Huyện Đất Đỏ', '2020-01-01', '2025-03-01']],
    ],
  ])('%s', (_, rows, expected) => {
    expect(versionsOf(rows, rows[0].ma_xa)).toEqual(expected);
  });

  it('gives the real lists contiguous, non-overlapping versions and brings 273 + 91 + 77 units to the reform', () => {
    const versions = buildPreReformVersions(parseCsv(readSeedText(DATA_FILES.unitVersions)) as unknown as UnitVersionRow[]);
    const byUnit = new Map<string, typeof versions>();
    for (const v of versions) byUnit.set(`${v.provinceCode}:${v.code}`, [...(byUnit.get(`${v.provinceCode}:${v.code}`) ?? []), v]);
    for (const list of byUnit.values()) {
      list.forEach((v, i) => {
        expect(v.validFrom < v.validTo).toBe(true);
        if (i > 0) expect(v.validFrom).toBe(list[i - 1].validTo);
      });
    }
    const reaching = (p: string) => versions.filter((v) => v.provinceCode === p && v.validTo === REFORM_DATE).length;
    expect([reaching('79'), reaching('74'), reaching('77')]).toEqual([273, 91, 77]);
  });
});

describe('reformLinks', () => {
  it('lists every predecessor of the 168 units, An Đông from Phường 5, 7 and 9 of Quận 5', () => {
    const links = reformLinks(readSeedJson<ReformMapping>(DATA_FILES.reformMapping));
    expect(new Set(links.map((l) => l.newCode)).size).toBe(168);
    expect(links.filter((l) => l.newCode === '27316').map((l) => [l.oldCode, l.kind])).toEqual([
      ['27304', 'full'],
      ['27316', 'full'],
      ['27334', 'full'],
    ]);
  });
});
