import { addressParts, addressQueries, pickWard, WardHit } from './address-match';

describe('addressParts', () => {
  it.each([
    ['Phường 7, Quận 5', ['phuong 7', 'quan 5']],
    ['12 Lê Lợi, P. Bến Thành, Q.1, TP.HCM', ['12 le loi', 'phuong ben thanh', 'quan 1']],
    ['F7, Q5, Thành phố Hồ Chí Minh, Việt Nam', ['phuong 7', 'quan 5']],
    ['Phường 07 - Quận 05', ['phuong 7', 'quan 5']],
    ['Phường Chợ Quán, Quận 5', ['phuong cho quan', 'quan 5']],
    ['Xã Bình Hưng (Huyện Bình Chánh)', ['xa binh hung', 'huyen binh chanh']],
    ['  ', []],
  ])('%j → %j', (address, parts) => {
    expect(addressParts(address)).toEqual(parts);
  });
});

describe('addressQueries', () => {
  it.each([
    [
      ['phuong 7', 'quan 5'],
      ['phuong 7 quan 5', 'phuong 7'],
    ],
    [
      ['12 le loi', 'phuong ben thanh', 'quan 1'],
      ['phuong ben thanh quan 1', 'phuong ben thanh'],
    ],
    [
      ['ben thanh', 'quan 1'],
      ['ben thanh quan 1', 'ben thanh'],
    ],
    // No commas: the words from the ward word on, in a short and a longer window.
    [['12 le loi phuong ben thanh quan 1 tp hcm'], ['phuong ben thanh quan 1 tp', 'phuong ben thanh']],
    [['quan 5'], []],
  ])('%j → %j', (parts, queries) => {
    expect(addressQueries(parts)).toEqual(queries);
  });
});

const hit = (code: string, name: string, matched: string, current: boolean): WardHit => ({
  code,
  name,
  matched,
  current,
  lat: 10.75,
  lng: 106.66,
});

const AN_DONG_FROM_P7_Q5 = hit('27316', 'Phường An Đông', 'Phường 7, Quận 5', false);
const GIA_DINH_FROM_P7_BT = hit('26944', 'Phường Gia Định', 'Phường 7, Quận Bình Thạnh', false);
const BEN_THANH = hit('26743', 'Phường Bến Thành', 'Phường Bến Thành', true);
const BEN_THANH_FROM_OLD = hit('26743', 'Phường Bến Thành', 'Phường Bến Thành, Quận 1', false);
const SAI_GON = hit('26740', 'Phường Sài Gòn', 'Phường Sài Gòn', true);
const BINH_DONG_FROM_P7_Q8 = hit('27424', 'Phường Bình Đông', 'Phường 7, Quận 8', false);
const BINH_HUNG_FROM_P7_Q8 = hit('27619', 'Xã Bình Hưng', 'Phường 7, Quận 8', false);
const CHO_QUAN = hit('27301', 'Phường Chợ Quán', 'Phường Chợ Quán', true);
const CHO_QUAN_FROM_P1_Q5 = hit('27301', 'Phường Chợ Quán', 'Phường 1, Quận 5', false);

describe('pickWard', () => {
  it.each<[string, string, WardHit[], string]>([
    ['a former ward with its district', 'Phường 7, Quận 5', [AN_DONG_FROM_P7_Q5, GIA_DINH_FROM_P7_BT], '27316'],
    ['the same, abbreviated', 'P.7 - Q.5', [GIA_DINH_FROM_P7_BT, AN_DONG_FROM_P7_Q5], '27316'],
    ['a current ward in a full address', '12 Lê Lợi, Phường Bến Thành, TP.HCM', [SAI_GON, BEN_THANH], '26743'],
    ['a current ward by its bare name', 'Chợ Bến Thành, Quận 1', [BEN_THANH_FROM_OLD, BEN_THANH], '26743'],
    [
      'a current name beats a former one in the same address',
      'Phường Chợ Quán (Phường 7, Quận 5)',
      [AN_DONG_FROM_P7_Q5, CHO_QUAN],
      '27301',
    ],
    ['a ward whose name holds a district word', 'Phường Chợ Quán, Quận 5', [CHO_QUAN_FROM_P1_Q5, CHO_QUAN], '27301'],
  ])('finds %s', (_, address, hits, code) => {
    const match = pickWard(addressParts(address), hits);
    expect(match).toEqual({ kind: 'found', ward: expect.objectContaining({ code }) });
  });

  it('calls a former ward split between new ones ambiguous', () => {
    const match = pickWard(addressParts('Phường 7, Quận 8'), [BINH_DONG_FROM_P7_Q8, BINH_HUNG_FROM_P7_Q8, AN_DONG_FROM_P7_Q5]);
    expect(match.kind).toBe('ambiguous');
    expect(match.kind === 'ambiguous' && match.wards.map((w) => w.code).sort()).toEqual(['27424', '27619']);
  });

  it.each<[string, string, WardHit[]]>([
    ['a numbered ward without its district', 'Phường 7', [AN_DONG_FROM_P7_Q5, GIA_DINH_FROM_P7_BT]],
    ['a former ward in another district', 'Phường 7, Quận 3', [AN_DONG_FROM_P7_Q5, GIA_DINH_FROM_P7_BT]],
    ['a street only', '12 Lê Lợi', []],
  ])('places nothing for %s, suggesting what came close', (_, address, hits) => {
    const match = pickWard(addressParts(address), hits);
    expect(match.kind).toBe('none');
    expect(match.kind === 'none' && match.suggestions).toEqual(hits.map((h) => h.matched).slice(0, 3));
  });
});
