import type { CategoryAttribute, Priority } from '../../backend/src/modules/categories/category.entity';
import { stripDiacritics } from './vietnamese-text';

export interface CategoryGroup {
  code: string;
  vi: string;
  en: string;
}

export interface CategorySeed {
  code: string;
  nameVi: string;
  nameEn: string;
  group: CategoryGroup;
  hintVi: string;
  hintEn: string;
  /** Vietnamese with diacritics; the seed adds the accent-free forms people type on phones. */
  keywords: string[];
  priority: Priority;
  /** null: the People's Committee of the ward that contains the point. */
  defaultUnit: string | null;
  attributes?: CategoryAttribute[];
  /** false: reports may name people (suspects, officials, applicants); kept off public maps. */
  isPublic?: boolean;
}

/**
 * Problems in a public place, whose point public surfaces may show unsnapped unless the reporter
 * hid their identity (DESIGN.md, category model); migration 1764892800000 marks the same.
 */
export const EXACT_PUBLIC_POINT = [
  'pothole',
  'road-damage',
  'traffic-light',
  'bus-stop',
  'flooding',
  'drainage-blocked',
  'manhole-cover',
  'street-light',
  'canal-garbage',
  'fallen-tree',
  'park-damage',
];

const TRANSPORT: CategoryGroup = { code: 'transport', vi: 'Hạ tầng giao thông', en: 'Transport infrastructure' };
const UTILITIES: CategoryGroup = { code: 'utilities', vi: 'Điện, nước, thoát nước', en: 'Power, water and drainage' };
const ENVIRONMENT: CategoryGroup = { code: 'environment', vi: 'Môi trường', en: 'Environment' };
const URBAN_ORDER: CategoryGroup = { code: 'urban-order', vi: 'Trật tự đô thị', en: 'Urban order' };
const SAFETY: CategoryGroup = { code: 'safety', vi: 'An toàn', en: 'Safety' };
const PUBLIC_SERVICES: CategoryGroup = { code: 'public-services', vi: 'Dịch vụ công', en: 'Public services' };

function list(
  code: string,
  description: string,
  descriptionEn: string,
  order: number,
  values: [string, string, string][],
  required = false,
): CategoryAttribute {
  return {
    code,
    datatype: 'singlevaluelist',
    required,
    description,
    descriptionEn,
    order,
    values: values.map(([key, name, nameEn]) => ({ key, name, nameEn })),
  };
}

/** What 1022 receives most, by group; the order is the order of the citizen's picker. */
export const CATEGORIES: CategorySeed[] = [
  // Transport infrastructure
  {
    code: 'pothole',
    nameVi: 'Ổ gà, ổ voi trên đường',
    nameEn: 'Pothole',
    group: TRANSPORT,
    hintVi: 'Chụp ảnh ổ gà và ghi rõ làn đường, số nhà gần nhất.',
    hintEn: 'Photograph the hole and note the lane and nearest house number.',
    keywords: ['ổ gà', 'ổ voi', 'hố trên đường', 'mặt đường thủng', 'pothole'],
    priority: 'high',
    defaultUnit: 'SO-XAYDUNG',
    attributes: [
      list('size', 'Kích thước ổ gà', 'Size of the hole', 1, [
        ['nho', 'Nhỏ hơn 30 cm', 'Under 30 cm'],
        ['vua', '30 cm – 1 m', '30 cm – 1 m'],
        ['lon', 'Lớn hơn 1 m', 'Over 1 m'],
      ]),
    ],
  },
  {
    code: 'road-damage',
    nameVi: 'Mặt đường hư hỏng, lún, nứt',
    nameEn: 'Damaged road surface',
    group: TRANSPORT,
    hintVi: 'Đường lún, nứt, bong tróc, sau khi đào đường chưa tái lập.',
    hintEn: 'Subsidence, cracks, peeling asphalt, trenches not reinstated.',
    keywords: ['lún', 'nứt', 'sụt lún', 'bong tróc', 'đào đường', 'tái lập mặt đường', 'hư đường'],
    priority: 'normal',
    defaultUnit: 'SO-XAYDUNG',
  },
  {
    code: 'traffic-light',
    nameVi: 'Đèn tín hiệu giao thông hư hỏng',
    nameEn: 'Traffic signal fault',
    group: TRANSPORT,
    hintVi: 'Ghi rõ giao lộ và hướng đèn bị hỏng.',
    hintEn: 'Name the intersection and which approach is affected.',
    keywords: ['đèn giao thông', 'đèn tín hiệu', 'đèn xanh đèn đỏ', 'đèn chớp vàng', 'traffic light'],
    priority: 'urgent',
    defaultUnit: 'SO-XAYDUNG',
    attributes: [
      list(
        'fault',
        'Tình trạng đèn',
        'Signal state',
        1,
        [
          ['tat', 'Tắt hoàn toàn', 'Completely off'],
          ['chop-vang', 'Chỉ chớp vàng', 'Flashing amber only'],
          ['mot-huong', 'Hỏng một hướng', 'One approach out'],
          ['sai-pha', 'Sai pha, thời gian bất thường', 'Wrong phasing or timing'],
        ],
        true,
      ),
    ],
  },
  {
    code: 'bus-stop',
    nameVi: 'Nhà chờ, trạm dừng xe buýt hư hỏng',
    nameEn: 'Damaged bus stop or shelter',
    group: TRANSPORT,
    hintVi: 'Ghi mã trạm hoặc tên tuyến nếu có.',
    hintEn: 'Give the stop code or route number if you can.',
    keywords: ['nhà chờ', 'trạm xe buýt', 'trạm dừng', 'xe buýt', 'bus'],
    priority: 'low',
    defaultUnit: 'TTQLGTCC',
    attributes: [
      { code: 'stop_code', datatype: 'string', required: false, description: 'Mã trạm dừng', descriptionEn: 'Stop code', order: 1 },
    ],
  },

  // Power, water and drainage
  {
    code: 'flooding',
    nameVi: 'Ngập nước đường phố',
    nameEn: 'Street flooding',
    group: UTILITIES,
    hintVi: 'Ngập do mưa hoặc triều cường; cho biết độ sâu và thời gian ngập.',
    hintEn: 'Rain or tidal flooding; give the depth and how long it lasts.',
    keywords: ['ngập', 'ngập nước', 'ngập úng', 'triều cường', 'mưa ngập', 'nước không thoát', 'flood'],
    priority: 'high',
    defaultUnit: 'UDC',
    attributes: [
      list(
        'depth',
        'Độ sâu ngập',
        'Water depth',
        1,
        [
          ['duoi-20cm', 'Dưới 20 cm (mắt cá chân)', 'Under 20 cm (ankle)'],
          ['20-50cm', '20–50 cm (đầu gối)', '20–50 cm (knee)'],
          ['tren-50cm', 'Trên 50 cm', 'Over 50 cm'],
        ],
        true,
      ),
      list('cause', 'Nguyên nhân', 'Cause', 2, [
        ['mua', 'Mưa lớn', 'Heavy rain'],
        ['trieu-cuong', 'Triều cường', 'High tide'],
        ['vo-ong', 'Vỡ ống nước', 'Burst water main'],
      ]),
    ],
  },
  {
    code: 'drainage-blocked',
    nameVi: 'Cống, hố ga tắc nghẽn',
    nameEn: 'Blocked drain or culvert',
    group: UTILITIES,
    hintVi: 'Miệng cống bị rác, xà bần bít; nước đọng, bốc mùi.',
    hintEn: 'Drain inlets blocked by rubbish or rubble; standing, smelly water.',
    keywords: ['cống', 'tắc cống', 'nghẹt cống', 'hố ga', 'nước đọng', 'cống bốc mùi', 'drain'],
    priority: 'normal',
    defaultUnit: 'UDC',
  },
  {
    code: 'manhole-cover',
    nameVi: 'Mất, vỡ nắp hố ga',
    nameEn: 'Missing or broken manhole cover',
    group: UTILITIES,
    hintVi: 'Nguy hiểm cho người đi đường: nếu có thể, đặt vật cảnh báo.',
    hintEn: 'A danger to passers-by: mark it if you safely can.',
    keywords: ['nắp hố ga', 'nắp cống', 'mất nắp', 'vỡ nắp', 'hố ga hở', 'manhole'],
    priority: 'urgent',
    defaultUnit: 'UDC',
    attributes: [
      list('position', 'Vị trí', 'Position', 1, [
        ['long-duong', 'Dưới lòng đường', 'In the roadway'],
        ['via-he', 'Trên vỉa hè', 'On the sidewalk'],
      ]),
    ],
  },
  {
    code: 'water-supply',
    nameVi: 'Mất nước, nước yếu, vỡ ống',
    nameEn: 'Water outage, low pressure or burst main',
    group: UTILITIES,
    hintVi: 'Ghi số danh bộ nếu có; vỡ ống lớn hãy gọi thêm tổng đài cấp nước.',
    hintEn: 'Give your customer number if you have it; report big bursts to the water hotline too.',
    keywords: ['mất nước', 'cúp nước', 'nước yếu', 'vỡ ống', 'bể ống nước', 'nước đục', 'nước máy', 'water'],
    priority: 'high',
    defaultUnit: 'SAWACO',
    attributes: [
      list(
        'issue',
        'Sự cố',
        'Issue',
        1,
        [
          ['mat-nuoc', 'Mất nước', 'No water'],
          ['nuoc-yeu', 'Nước yếu', 'Low pressure'],
          ['nuoc-duc', 'Nước đục, có mùi', 'Cloudy or smelly water'],
          ['vo-ong', 'Vỡ ống, rò rỉ', 'Burst or leaking pipe'],
        ],
        true,
      ),
    ],
  },
  {
    code: 'power-outage',
    nameVi: 'Mất điện, sự cố lưới điện',
    nameEn: 'Power outage or grid fault',
    group: UTILITIES,
    hintVi: 'Dây điện đứt, võng thấp: tránh xa và báo ngay.',
    hintEn: 'Fallen or sagging lines: keep away and report at once.',
    keywords: ['mất điện', 'cúp điện', 'dây điện', 'trụ điện', 'chập điện', 'điện lực', 'power'],
    priority: 'high',
    defaultUnit: 'EVNHCMC',
    attributes: [
      list(
        'issue',
        'Sự cố',
        'Issue',
        1,
        [
          ['mat-dien', 'Mất điện khu vực', 'Area outage'],
          ['day-dut', 'Dây điện đứt, võng thấp', 'Broken or sagging line'],
          ['tru-nghieng', 'Trụ điện nghiêng, gãy', 'Leaning or broken pole'],
          ['chay-no', 'Chập, cháy, nổ thiết bị', 'Sparks, fire or explosion'],
        ],
        true,
      ),
    ],
  },
  {
    code: 'street-light',
    nameVi: 'Đèn đường hư hỏng',
    nameEn: 'Broken street light',
    group: UTILITIES,
    hintVi: 'Ghi số hiệu trụ đèn (sơn trên trụ) nếu đọc được.',
    hintEn: 'Give the pole number painted on the post if legible.',
    keywords: ['đèn đường', 'đèn chiếu sáng', 'đèn không sáng', 'bóng đèn', 'trụ đèn', 'street light'],
    priority: 'normal',
    defaultUnit: 'SAPULICO',
    attributes: [
      { code: 'pole_number', datatype: 'string', required: false, description: 'Số hiệu trụ đèn', descriptionEn: 'Pole number', order: 1 },
      list('state', 'Tình trạng', 'State', 2, [
        ['tat', 'Không sáng', 'Out'],
        ['chop', 'Chập chờn', 'Flickering'],
        ['sang-ngay', 'Sáng cả ban ngày', 'On during the day'],
      ]),
    ],
  },

  // Environment
  {
    code: 'garbage',
    nameVi: 'Rác thải không được thu gom',
    nameEn: 'Uncollected household waste',
    group: ENVIRONMENT,
    hintVi: 'Điểm rác tồn đọng, xe thu gom không đến đúng lịch.',
    hintEn: 'Waste piling up, collection missed.',
    keywords: ['rác', 'rác thải', 'thu gom rác', 'điểm rác', 'rác tồn đọng', 'xe rác', 'garbage'],
    priority: 'normal',
    defaultUnit: 'CITENCO',
  },
  {
    code: 'illegal-dumping',
    nameVi: 'Đổ trộm xà bần, phế thải',
    nameEn: 'Illegal dumping of rubble or waste',
    group: ENVIRONMENT,
    hintVi: 'Nếu thấy phương tiện đổ trộm, ghi biển số và thời gian.',
    hintEn: 'If you saw the vehicle, note its plate and the time.',
    keywords: ['đổ trộm', 'xà bần', 'phế thải', 'đổ rác trái phép', 'bãi rác tự phát'],
    priority: 'normal',
    defaultUnit: null,
  },
  {
    code: 'canal-garbage',
    nameVi: 'Rác, lục bình trên kênh rạch',
    nameEn: 'Garbage or water hyacinth in canals',
    group: ENVIRONMENT,
    hintVi: 'Ghi tên kênh và cây cầu gần nhất.',
    hintEn: 'Name the canal and the nearest bridge.',
    keywords: ['kênh', 'rạch', 'rác trên kênh', 'lục bình', 'kênh ô nhiễm', 'canal'],
    priority: 'normal',
    defaultUnit: 'UDC',
  },
  {
    code: 'air-pollution',
    nameVi: 'Ô nhiễm không khí, khói bụi, mùi hôi',
    nameEn: 'Air pollution, smoke, dust or odour',
    group: ENVIRONMENT,
    hintVi: 'Nguồn gây ô nhiễm, thời điểm nặng nhất trong ngày.',
    hintEn: 'The source and the worst time of day.',
    keywords: ['khói', 'bụi', 'mùi hôi', 'đốt rác', 'ô nhiễm không khí', 'khí thải', 'smoke'],
    priority: 'normal',
    defaultUnit: 'SO-NNMT',
  },
  {
    code: 'water-pollution',
    nameVi: 'Ô nhiễm nguồn nước',
    nameEn: 'Water pollution',
    group: ENVIRONMENT,
    hintVi: 'Nước thải xả ra kênh, cá chết, nước đổi màu.',
    hintEn: 'Waste water discharged, dead fish, discoloured water.',
    keywords: ['nước thải', 'xả thải', 'cá chết', 'ô nhiễm nước', 'nước đen', 'kênh hôi'],
    priority: 'normal',
    defaultUnit: 'SO-NNMT',
  },
  {
    code: 'noise',
    nameVi: 'Tiếng ồn',
    nameEn: 'Noise',
    group: ENVIRONMENT,
    hintVi: 'Nguồn ồn (karaoke, công trình, quán nhậu) và khung giờ.',
    hintEn: 'The source (karaoke, works, bars) and the hours.',
    keywords: ['tiếng ồn', 'ồn ào', 'karaoke', 'hát karaoke', 'loa kẹo kéo', 'thi công ban đêm', 'noise'],
    priority: 'normal',
    defaultUnit: null,
    attributes: [
      list('source', 'Nguồn gây ồn', 'Noise source', 1, [
        ['karaoke', 'Karaoke, loa kéo', 'Karaoke or portable speakers'],
        ['cong-trinh', 'Công trình xây dựng', 'Construction works'],
        ['quan', 'Quán ăn, quán nhậu', 'Restaurant or bar'],
        ['san-xuat', 'Cơ sở sản xuất', 'Workshop or factory'],
      ]),
    ],
  },
  {
    code: 'stray-animals',
    nameVi: 'Chó thả rông, động vật nuôi thả rông',
    nameEn: 'Roaming dogs or animals',
    group: ENVIRONMENT,
    hintVi: 'Chó không rọ mõm, không dây xích nơi công cộng.',
    hintEn: 'Dogs without muzzle or leash in public places.',
    keywords: ['chó thả rông', 'chó cắn', 'chó hoang', 'thú nuôi', 'dog'],
    priority: 'low',
    defaultUnit: null,
  },

  // Urban order
  {
    code: 'sidewalk-encroachment',
    nameVi: 'Lấn chiếm vỉa hè, lòng đường',
    nameEn: 'Sidewalk or roadway encroachment',
    group: URBAN_ORDER,
    hintVi: 'Buôn bán, để xe, dựng mái che chiếm lối đi.',
    hintEn: 'Trading, parking or awnings blocking the way.',
    keywords: ['lấn chiếm', 'vỉa hè', 'lòng đường', 'chiếm dụng', 'buôn bán trên vỉa hè', 'sidewalk'],
    priority: 'normal',
    defaultUnit: null,
  },
  {
    code: 'illegal-construction',
    nameVi: 'Xây dựng không phép, sai phép',
    nameEn: 'Unlicensed or non-compliant construction',
    group: URBAN_ORDER,
    hintVi: 'Ghi địa chỉ công trình; ảnh bảng thông tin công trình nếu có.',
    hintEn: 'Give the site address; photograph the permit board if any.',
    keywords: ['xây dựng không phép', 'sai phép', 'xây lấn', 'cơi nới', 'xây trái phép', 'giấy phép xây dựng'],
    priority: 'high',
    defaultUnit: null,
    attributes: [
      list('stage', 'Giai đoạn', 'Stage', 1, [
        ['dang-thi-cong', 'Đang thi công', 'Under way'],
        ['da-xong', 'Đã xây xong', 'Finished'],
      ]),
    ],
  },
  {
    code: 'street-vendor',
    nameVi: 'Hàng rong gây cản trở',
    nameEn: 'Obstructive street vending',
    group: URBAN_ORDER,
    hintVi: 'Vị trí và khung giờ thường xuyên tụ tập.',
    hintEn: 'Where and at what hours they gather.',
    keywords: ['hàng rong', 'bán hàng rong', 'chợ tự phát', 'chợ chồm hổm', 'street vendor'],
    priority: 'low',
    defaultUnit: null,
  },
  {
    code: 'illegal-parking',
    nameVi: 'Đậu xe sai quy định',
    nameEn: 'Illegal parking',
    group: URBAN_ORDER,
    hintVi: 'Ghi biển số nếu có; xe chắn lối thoát hiểm được ưu tiên.',
    hintEn: 'Give the plate if you can; blocked exits get priority.',
    keywords: ['đậu xe', 'đỗ xe', 'giữ xe trái phép', 'xe chắn lối', 'ô tô đậu', 'parking'],
    priority: 'normal',
    defaultUnit: null,
  },
  {
    code: 'unlicensed-advertising',
    nameVi: 'Quảng cáo, rao vặt trái phép',
    nameEn: 'Unlicensed advertising and flyers',
    group: URBAN_ORDER,
    hintVi: 'Bảng hiệu, băng rôn, tờ rơi dán trên trụ điện, tường nhà.',
    hintEn: 'Signs, banners or flyers stuck on poles and walls.',
    keywords: ['quảng cáo', 'rao vặt', 'tờ rơi', 'băng rôn', 'khoan cắt bê tông', 'bảng hiệu'],
    priority: 'low',
    defaultUnit: null,
  },
  {
    code: 'public-order',
    nameVi: 'An ninh trật tự',
    nameEn: 'Public order and security',
    group: URBAN_ORDER,
    hintVi: 'Tụ tập gây rối, cờ bạc, nghi vấn tệ nạn. Khẩn cấp gọi 113.',
    hintEn: 'Brawls, gambling, suspected vice. Emergencies: call 113.',
    keywords: ['gây rối', 'đánh nhau', 'cờ bạc', 'trộm cắp', 'tệ nạn', 'đua xe', 'an ninh'],
    priority: 'high',
    defaultUnit: 'CONGAN-TP',
    isPublic: false,
  },

  // Safety
  {
    code: 'fire-hazard',
    nameVi: 'Nguy cơ cháy nổ',
    nameEn: 'Fire hazard',
    group: SAFETY,
    hintVi: 'Đang cháy: gọi ngay 114. Ở đây báo nguy cơ: kho hàng dễ cháy, lối thoát hiểm bị khóa.',
    hintEn: 'If there is a fire, call 114 now. Report hazards here: flammable storage, locked exits.',
    keywords: ['cháy', 'cháy nổ', 'phòng cháy', 'bình gas', 'lối thoát hiểm', 'pccc', 'fire'],
    priority: 'urgent',
    defaultUnit: 'CONGAN-PC07',
  },
  {
    code: 'building-safety',
    nameVi: 'Nhà, công trình có nguy cơ sụp đổ',
    nameEn: 'Unsafe building or structure',
    group: SAFETY,
    hintVi: 'Nhà nứt, nghiêng, chung cư cũ xuống cấp, giàn giáo nguy hiểm.',
    hintEn: 'Cracked or leaning buildings, decaying flats, unsafe scaffolding.',
    keywords: ['nhà nghiêng', 'nứt tường', 'sụp đổ', 'chung cư cũ', 'giàn giáo', 'nhà nguy hiểm'],
    priority: 'high',
    defaultUnit: 'SO-XAYDUNG',
  },
  {
    code: 'fallen-tree',
    nameVi: 'Cây xanh ngã đổ, nguy cơ gãy đổ',
    nameEn: 'Fallen or dangerous tree',
    group: SAFETY,
    hintVi: 'Cây đổ chắn đường hoặc nhánh khô sắp gãy.',
    hintEn: 'A tree blocking the road or a dead branch about to fall.',
    keywords: ['cây đổ', 'ngã cây', 'gãy cành', 'cây nghiêng', 'cây xanh', 'tree'],
    priority: 'urgent',
    defaultUnit: 'CAYXANH',
    attributes: [
      list(
        'blocking',
        'Cản trở giao thông',
        'Blocking traffic',
        1,
        [
          ['co', 'Có', 'Yes'],
          ['khong', 'Không', 'No'],
        ],
        true,
      ),
    ],
  },
  {
    code: 'food-safety',
    nameVi: 'Vệ sinh an toàn thực phẩm',
    nameEn: 'Food safety',
    group: SAFETY,
    hintVi: 'Tên cơ sở, địa chỉ, ngày sử dụng sản phẩm; giữ lại hóa đơn.',
    hintEn: 'The business, its address, when you ate; keep the receipt.',
    keywords: ['ngộ độc', 'thực phẩm bẩn', 'vệ sinh thực phẩm', 'hàng hết hạn', 'an toàn thực phẩm', 'food'],
    priority: 'high',
    defaultUnit: 'SO-ATTP',
  },

  // Public services
  {
    code: 'park-damage',
    nameVi: 'Công viên, tiện ích công cộng hư hỏng',
    nameEn: 'Damaged park or public amenity',
    group: PUBLIC_SERVICES,
    hintVi: 'Ghế đá, đồ chơi trẻ em, dụng cụ thể dục, nhà vệ sinh công cộng.',
    hintEn: 'Benches, playgrounds, outdoor gym equipment, public toilets.',
    keywords: ['công viên', 'ghế đá', 'dụng cụ thể dục', 'khu vui chơi', 'nhà vệ sinh công cộng', 'park'],
    priority: 'low',
    defaultUnit: 'CAYXANH',
  },
  {
    code: 'administrative-procedure',
    nameVi: 'Thủ tục hành chính, thái độ phục vụ',
    nameEn: 'Administrative procedures and conduct',
    group: PUBLIC_SERVICES,
    hintVi: 'Hồ sơ trễ hẹn, yêu cầu giấy tờ ngoài quy định, thái độ cán bộ.',
    hintEn: 'Late files, papers asked beyond the rules, staff conduct.',
    keywords: ['thủ tục', 'hồ sơ', 'trễ hẹn', 'một cửa', 'cán bộ', 'giấy tờ', 'dịch vụ công'],
    priority: 'normal',
    defaultUnit: null,
    isPublic: false,
  },
  {
    code: 'other',
    nameVi: 'Vấn đề khác',
    nameEn: 'Other',
    group: PUBLIC_SERVICES,
    hintVi: 'Không thuộc các mục trên: tổng đài sẽ chuyển đúng nơi xử lý.',
    hintEn: 'None of the above: the call centre will route it.',
    keywords: ['khác', 'góp ý', 'phản ánh', 'kiến nghị'],
    priority: 'normal',
    defaultUnit: null,
  },
];

/** Keywords plus their accent-free forms ("ngập" and "ngap"), deduplicated. */
export function expandKeywords(keywords: string[]): string[] {
  return [...new Set(keywords.flatMap((k) => [k, stripDiacritics(k)]))];
}
