import { stripDiacritics } from './vietnamese-text';

export type CityUnitKind = 'city' | 'department' | 'utility';

export interface CityUnit {
  code: string;
  name: string;
  nameEn: string;
  kind: CityUnitKind;
  /** Next rung of the escalation ladder; null only for the city. */
  parent: string | null;
  phone?: string;
}

export const CITY_UNIT_CODE = 'UBND-TP';

/**
 * The city, its departments (Sở) as reorganised on 1 March 2025 (Sở Xây dựng absorbed Giao
 * thông vận tải, Sở Nông nghiệp và Môi trường merged Nông nghiệp and Tài nguyên – Môi trường,
 * Sở An toàn thực phẩm replaced the food-safety board), and the public utilities that fix most
 * of what 1022 receives. Utilities hang under the Sở that supervises their service; the
 * Bình Dương and Bà Rịa–Vũng Tàu operators serve the territories that joined on 1 July 2025.
 * Listed parents first, so one ordered insert resolves every parent_id.
 */
export const CITY_UNITS: CityUnit[] = [
  {
    code: CITY_UNIT_CODE,
    name: 'UBND Thành phố Hồ Chí Minh',
    nameEn: "People's Committee of Ho Chi Minh City",
    kind: 'city',
    parent: null,
  },

  { code: 'SO-XAYDUNG', name: 'Sở Xây dựng', nameEn: 'Department of Construction', kind: 'department', parent: CITY_UNIT_CODE },
  {
    code: 'SO-NNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    nameEn: 'Department of Agriculture and Environment',
    kind: 'department',
    parent: CITY_UNIT_CODE,
  },
  { code: 'SO-CONGTHUONG', name: 'Sở Công Thương', nameEn: 'Department of Industry and Trade', kind: 'department', parent: CITY_UNIT_CODE },
  { code: 'SO-YTE', name: 'Sở Y tế', nameEn: 'Department of Health', kind: 'department', parent: CITY_UNIT_CODE },
  { code: 'SO-ATTP', name: 'Sở An toàn thực phẩm', nameEn: 'Department of Food Safety', kind: 'department', parent: CITY_UNIT_CODE },
  {
    code: 'SO-VHTT',
    name: 'Sở Văn hóa và Thể thao',
    nameEn: 'Department of Culture and Sports',
    kind: 'department',
    parent: CITY_UNIT_CODE,
  },
  {
    code: 'SO-QHKT',
    name: 'Sở Quy hoạch – Kiến trúc',
    nameEn: 'Department of Planning and Architecture',
    kind: 'department',
    parent: CITY_UNIT_CODE,
  },
  { code: 'SO-NOIVU', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', kind: 'department', parent: CITY_UNIT_CODE },
  { code: 'SO-TUPHAP', name: 'Sở Tư pháp', nameEn: 'Department of Justice', kind: 'department', parent: CITY_UNIT_CODE },
  {
    code: 'SO-KHCN',
    name: 'Sở Khoa học và Công nghệ',
    nameEn: 'Department of Science and Technology',
    kind: 'department',
    parent: CITY_UNIT_CODE,
  },
  { code: 'THANHTRA-TP', name: 'Thanh tra Thành phố', nameEn: 'City Inspectorate', kind: 'department', parent: CITY_UNIT_CODE },
  {
    code: 'CONGAN-TP',
    name: 'Công an Thành phố Hồ Chí Minh',
    nameEn: 'Ho Chi Minh City Police',
    kind: 'department',
    parent: CITY_UNIT_CODE,
    phone: '113',
  },
  {
    code: 'CONGAN-PC07',
    name: 'Phòng Cảnh sát PCCC và CNCH – Công an Thành phố',
    nameEn: 'Fire Prevention and Rescue Police Division',
    kind: 'department',
    parent: 'CONGAN-TP',
    phone: '114',
  },

  {
    code: 'SAWACO',
    name: 'Tổng Công ty Cấp nước Sài Gòn – TNHH MTV',
    nameEn: 'Saigon Water Corporation (SAWACO)',
    kind: 'utility',
    parent: 'SO-XAYDUNG',
  },
  {
    code: 'EVNHCMC',
    name: 'Tổng Công ty Điện lực TP.HCM',
    nameEn: 'Ho Chi Minh City Power Corporation (EVNHCMC)',
    kind: 'utility',
    parent: 'SO-CONGTHUONG',
  },
  {
    code: 'UDC',
    name: 'Công ty TNHH MTV Thoát nước Đô thị TP.HCM',
    nameEn: 'Urban Drainage Company of Ho Chi Minh City (UDC)',
    kind: 'utility',
    parent: 'SO-XAYDUNG',
  },
  {
    code: 'SAPULICO',
    name: 'Công ty TNHH MTV Chiếu sáng công cộng TP.HCM',
    nameEn: 'Public Lighting Company of Ho Chi Minh City (SAPULICO)',
    kind: 'utility',
    parent: 'SO-XAYDUNG',
  },
  {
    code: 'CITENCO',
    name: 'Công ty TNHH MTV Môi trường Đô thị TP.HCM',
    nameEn: 'Urban Environment Company of Ho Chi Minh City (CITENCO)',
    kind: 'utility',
    parent: 'SO-NNMT',
  },
  {
    code: 'CAYXANH',
    name: 'Công ty TNHH MTV Công viên Cây xanh TP.HCM',
    nameEn: 'Parks and Greenery Company of Ho Chi Minh City',
    kind: 'utility',
    parent: 'SO-XAYDUNG',
  },
  {
    code: 'TTQLGTCC',
    name: 'Trung tâm Quản lý Giao thông công cộng TP.HCM',
    nameEn: 'Public Transport Management Centre',
    kind: 'utility',
    parent: 'SO-XAYDUNG',
  },
  {
    code: 'BIWASE',
    name: 'Tổng Công ty Nước – Môi trường Bình Dương',
    nameEn: 'Binh Duong Water and Environment Corporation (BIWASE)',
    kind: 'utility',
    parent: 'SO-XAYDUNG',
  },
  {
    code: 'BWACO',
    name: 'Công ty CP Cấp nước Bà Rịa – Vũng Tàu',
    nameEn: 'Ba Ria – Vung Tau Water Supply JSC (BWACO)',
    kind: 'utility',
    parent: 'SO-XAYDUNG',
  },
  {
    code: 'BUSADCO',
    name: 'Công ty CP Thoát nước và Phát triển đô thị Bà Rịa – Vũng Tàu',
    nameEn: 'Ba Ria – Vung Tau Drainage and Urban Development JSC (BUSADCO)',
    kind: 'utility',
    parent: 'SO-XAYDUNG',
  },
  {
    code: 'PC-BINHDUONG',
    name: 'Công ty Điện lực Bình Dương',
    nameEn: 'Binh Duong Power Company',
    kind: 'utility',
    parent: 'SO-CONGTHUONG',
  },
  {
    code: 'PC-BRVT',
    name: 'Công ty Điện lực Bà Rịa – Vũng Tàu',
    nameEn: 'Ba Ria – Vung Tau Power Company',
    kind: 'utility',
    parent: 'SO-CONGTHUONG',
  },
];

const WARD_KIND_EN: Record<string, string> = { phuong: 'Ward', xa: 'Commune', dac_khu: 'Special Zone' };

export function wardCommitteeCode(wardCode: string): string {
  return `UBND-${wardCode}`;
}

/** "UBND Phường Bến Thành" / "People's Committee of Ben Thanh Ward" (English names drop the diacritics, as official translations do). */
export function wardCommitteeNames(unit: { name: string; shortName: string; kind: string }): { name: string; nameEn: string } {
  return {
    name: `UBND ${unit.name}`,
    nameEn: `People's Committee of ${stripDiacritics(unit.shortName)} ${WARD_KIND_EN[unit.kind] ?? 'Commune'}`,
  };
}
