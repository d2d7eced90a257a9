/**
 * Knobs and vocabulary of the demo-report generator. Shares and medians are judgement calls
 * informed by what HCMC publishes about 1022 (urban order, waste, flooding and lighting lead;
 * most tickets close within days), not measurements.
 */

export type TimeProfile = 'default' | 'rain' | 'night';

export interface CategoryMix {
  /** Relative share of all reports. */
  weight: number;
  profile: TimeProfile;
  /** Median hours from filing to "resolved"; spread is log-normal. */
  medianHours: number;
}

export const CATEGORY_MIX: Record<string, CategoryMix> = {
  'sidewalk-encroachment': { weight: 10, profile: 'default', medianHours: 72 },
  garbage: { weight: 9, profile: 'default', medianHours: 24 },
  noise: { weight: 8, profile: 'night', medianHours: 24 },
  flooding: { weight: 7, profile: 'rain', medianHours: 10 },
  'illegal-construction': { weight: 7, profile: 'default', medianHours: 240 },
  'street-light': { weight: 6, profile: 'night', medianHours: 60 },
  pothole: { weight: 5, profile: 'default', medianHours: 96 },
  'road-damage': { weight: 5, profile: 'default', medianHours: 168 },
  'drainage-blocked': { weight: 4, profile: 'rain', medianHours: 48 },
  'illegal-dumping': { weight: 4, profile: 'default', medianHours: 48 },
  'illegal-parking': { weight: 4, profile: 'default', medianHours: 8 },
  'water-supply': { weight: 3.5, profile: 'default', medianHours: 12 },
  'power-outage': { weight: 3, profile: 'rain', medianHours: 5 },
  other: { weight: 3, profile: 'default', medianHours: 96 },
  'public-order': { weight: 2.5, profile: 'night', medianHours: 24 },
  'air-pollution': { weight: 2.5, profile: 'default', medianHours: 168 },
  'street-vendor': { weight: 2.5, profile: 'default', medianHours: 48 },
  'traffic-light': { weight: 2, profile: 'default', medianHours: 6 },
  'manhole-cover': { weight: 2, profile: 'default', medianHours: 12 },
  'fallen-tree': { weight: 2, profile: 'rain', medianHours: 6 },
  'unlicensed-advertising': { weight: 2, profile: 'default', medianHours: 72 },
  'administrative-procedure': { weight: 2, profile: 'default', medianHours: 120 },
  'water-pollution': { weight: 1.5, profile: 'default', medianHours: 168 },
  'canal-garbage': { weight: 1.5, profile: 'rain', medianHours: 72 },
  'stray-animals': { weight: 1.5, profile: 'default', medianHours: 72 },
  'food-safety': { weight: 1, profile: 'default', medianHours: 120 },
  'fire-hazard': { weight: 1, profile: 'default', medianHours: 24 },
  'building-safety': { weight: 1, profile: 'default', medianHours: 168 },
  'bus-stop': { weight: 1, profile: 'default', medianHours: 120 },
  'park-damage': { weight: 1, profile: 'default', medianHours: 120 },
};

/** Hour-of-day (local, 0..23), day-of-week (Sunday first) and month (Jan first) weights. */
export const TIME_PROFILES: Record<TimeProfile, { hours: number[]; weekdays: number[]; months: number[] }> = {
  // Office hours dominate: most reports are filed from work or by call-centre staff on shift.
  default: {
    hours: [0.15, 0.08, 0.05, 0.04, 0.05, 0.15, 0.4, 0.8, 1.2, 1.4, 1.4, 1.2, 0.7, 0.9, 1.3, 1.3, 1.2, 0.9, 0.7, 0.7, 0.7, 0.6, 0.45, 0.3],
    weekdays: [0.5, 1, 1, 1, 1, 0.95, 0.65],
    months: [0.9, 0.8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  },
  // Afternoon downpours of the May–November rainy season, tides peaking October–December.
  rain: {
    hours: [0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.4, 0.6, 0.7, 0.7, 0.8, 0.9, 1, 1.3, 1.8, 2.4, 2.6, 2.5, 2.2, 1.6, 1.1, 0.8, 0.6, 0.4],
    weekdays: [0.9, 1, 1, 1, 1, 1, 0.95],
    months: [0.15, 0.1, 0.12, 0.25, 0.8, 1.2, 1.3, 1.4, 1.6, 1.7, 1.2, 0.6],
  },
  // Karaoke, brawls and dark streets are noticed after dark, more at weekends.
  night: {
    hours: [1.2, 0.9, 0.5, 0.25, 0.15, 0.15, 0.3, 0.4, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.8, 1.1, 1.5, 1.9, 2.2, 2.2, 1.7],
    weekdays: [1.25, 0.9, 0.9, 0.9, 0.95, 1.1, 1.3],
    months: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.1],
  },
};

/** Days with few reports: Tết (the week around the lunar new year) and national holidays. */
export const QUIET_DAYS: { from: string; to: string; factor: number }[] = [
  { from: '2025-01-26', to: '2025-02-02', factor: 0.35 },
  { from: '2025-04-30', to: '2025-05-01', factor: 0.6 },
  { from: '2025-09-01', to: '2025-09-02', factor: 0.6 },
  { from: '2026-02-14', to: '2026-02-22', factor: 0.35 },
  { from: '2026-04-30', to: '2026-05-01', factor: 0.6 },
  { from: '2026-09-01', to: '2026-09-02', factor: 0.6 },
  { from: '2027-02-04', to: '2027-02-11', factor: 0.35 },
  { from: '2027-04-30', to: '2027-05-01', factor: 0.6 },
];

export const CHANNEL_MIX: [string, number][] = [
  ['app', 0.38],
  ['phone', 0.3],
  ['web', 0.27],
  ['open311', 0.05],
];

/** Share of reports that leave contact details, by channel; about half overall. */
export const CONTACT_SHARE: Record<string, number> = { phone: 0.8, app: 0.45, web: 0.3, open311: 0.2 };

export interface Hotspot {
  name: string;
  lon: number;
  lat: number;
  /** Standard deviation of the Gaussian cluster, metres. */
  radius: number;
  weight: number;
  /** Categories this place is known for; most reports there are one of these. */
  categories: string[];
  streets: string[];
}

/**
 * Places that draw reports, weighted toward the dense old centre; the riverside and canal ones
 * carry flooding and canal categories, the industrial edges air and water pollution.
 */
export const HOTSPOTS: Hotspot[] = [
  { name: 'Chợ Bến Thành', lon: 106.6981, lat: 10.7725, radius: 350, weight: 10, categories: ['garbage', 'sidewalk-encroachment', 'street-vendor', 'illegal-parking', 'noise'], streets: ['Lê Lợi', 'Phan Bội Châu', 'Lê Thánh Tôn'] },
  { name: 'Phố đi bộ Bùi Viện', lon: 106.6932, lat: 10.7672, radius: 250, weight: 8, categories: ['noise', 'public-order', 'sidewalk-encroachment', 'garbage'], streets: ['Bùi Viện', 'Đề Thám', 'Phạm Ngũ Lão'] },
  { name: 'Nguyễn Huệ – Bạch Đằng', lon: 106.7045, lat: 10.7745, radius: 400, weight: 6, categories: ['street-vendor', 'illegal-parking', 'park-damage', 'noise'], streets: ['Nguyễn Huệ', 'Tôn Đức Thắng', 'Hàm Nghi'] },
  { name: 'Chợ Bình Tây', lon: 106.651, lat: 10.7497, radius: 450, weight: 7, categories: ['garbage', 'sidewalk-encroachment', 'illegal-parking', 'drainage-blocked'], streets: ['Tháp Mười', 'Hậu Giang', 'Lê Quang Sung'] },
  { name: 'Chợ An Đông', lon: 106.679, lat: 10.7575, radius: 300, weight: 5, categories: ['sidewalk-encroachment', 'garbage', 'illegal-parking'], streets: ['An Dương Vương', 'Trần Phú', 'Ngô Quyền'] },
  { name: 'Ngã tư Hàng Xanh', lon: 106.711, lat: 10.8015, radius: 400, weight: 5, categories: ['traffic-light', 'flooding', 'illegal-parking', 'road-damage'], streets: ['Xô Viết Nghệ Tĩnh', 'Điện Biên Phủ', 'Bạch Đằng'] },
  { name: 'Nguyễn Hữu Cảnh', lon: 106.7185, lat: 10.7905, radius: 500, weight: 6, categories: ['flooding', 'road-damage', 'drainage-blocked'], streets: ['Nguyễn Hữu Cảnh', 'Tôn Đức Thắng'] },
  { name: 'Huỳnh Tấn Phát', lon: 106.7345, lat: 10.74, radius: 600, weight: 5, categories: ['flooding', 'road-damage', 'drainage-blocked'], streets: ['Huỳnh Tấn Phát', 'Trần Xuân Soạn'] },
  { name: 'Kinh Dương Vương', lon: 106.6205, lat: 10.746, radius: 600, weight: 5, categories: ['flooding', 'drainage-blocked', 'pothole'], streets: ['Kinh Dương Vương', 'Hồ Học Lãm', 'An Dương Vương'] },
  { name: 'Thảo Điền', lon: 106.733, lat: 10.804, radius: 500, weight: 4, categories: ['flooding', 'illegal-construction', 'noise'], streets: ['Quốc Hương', 'Xuân Thủy', 'Nguyễn Văn Hưởng'] },
  { name: 'Quốc lộ 13 – Hiệp Bình', lon: 106.7195, lat: 10.842, radius: 700, weight: 4, categories: ['flooding', 'road-damage', 'pothole'], streets: ['Quốc lộ 13', 'Hiệp Bình', 'Kha Vạn Cân'] },
  { name: 'Ung Văn Khiêm – D2', lon: 106.7165, lat: 10.8065, radius: 400, weight: 3, categories: ['flooding', 'drainage-blocked'], streets: ['Ung Văn Khiêm', 'D2', 'Nguyễn Gia Trí'] },
  { name: 'Kênh Nhiêu Lộc – Thị Nghè', lon: 106.69, lat: 10.788, radius: 700, weight: 5, categories: ['canal-garbage', 'water-pollution', 'noise', 'park-damage'], streets: ['Hoàng Sa', 'Trường Sa'] },
  { name: 'Kênh Tàu Hủ – Bến Nghé', lon: 106.67, lat: 10.747, radius: 700, weight: 4, categories: ['canal-garbage', 'water-pollution', 'garbage'], streets: ['Bến Hàm Tử', 'Bến Bình Đông', 'Trần Văn Kiểu'] },
  { name: 'Kênh Tân Hóa – Lò Gốm', lon: 106.637, lat: 10.761, radius: 600, weight: 4, categories: ['canal-garbage', 'water-pollution', 'flooding', 'illegal-dumping'], streets: ['Lò Gốm', 'Hòa Bình', 'Tân Hóa'] },
  { name: 'Kênh Tham Lương', lon: 106.623, lat: 10.83, radius: 700, weight: 3, categories: ['water-pollution', 'canal-garbage', 'illegal-dumping', 'air-pollution'], streets: ['Trường Chinh', 'Phan Huy Ích'] },
  { name: 'Kênh Đôi', lon: 106.656, lat: 10.742, radius: 600, weight: 3, categories: ['canal-garbage', 'water-pollution', 'flooding'], streets: ['Bến Ba Đình', 'Bến Phú Định', 'Phạm Thế Hiển'] },
  { name: 'Bãi chôn lấp Đa Phước', lon: 106.665, lat: 10.663, radius: 1500, weight: 3, categories: ['air-pollution', 'water-pollution', 'illegal-dumping'], streets: ['Quốc lộ 50', 'Đa Phước'] },
  { name: 'KCN Lê Minh Xuân', lon: 106.554, lat: 10.769, radius: 1200, weight: 2, categories: ['air-pollution', 'water-pollution'], streets: ['Trần Đại Nghĩa', 'Láng Le – Bàu Cò'] },
  { name: 'Trường Sơn – Tân Sơn Nhất', lon: 106.664, lat: 10.8085, radius: 500, weight: 4, categories: ['illegal-parking', 'traffic-light', 'noise', 'flooding'], streets: ['Trường Sơn', 'Bạch Đằng', 'Hồng Hà'] },
  { name: 'Vòng xoay Lăng Cha Cả', lon: 106.6595, lat: 10.8, radius: 350, weight: 3, categories: ['traffic-light', 'illegal-parking', 'road-damage'], streets: ['Hoàng Văn Thụ', 'Cộng Hòa', 'Trường Chinh'] },
  { name: 'Chợ Bà Chiểu', lon: 106.6985, lat: 10.803, radius: 350, weight: 4, categories: ['sidewalk-encroachment', 'garbage', 'street-vendor'], streets: ['Bùi Hữu Nghĩa', 'Vũ Tùng', 'Lê Quang Định'] },
  { name: 'Chợ Tân Định', lon: 106.6905, lat: 10.7895, radius: 300, weight: 3, categories: ['sidewalk-encroachment', 'illegal-parking', 'garbage'], streets: ['Hai Bà Trưng', 'Mai Thị Lựu', 'Trần Quang Khải'] },
  { name: 'Đầm Sen – Lạc Long Quân', lon: 106.64, lat: 10.768, radius: 500, weight: 3, categories: ['noise', 'illegal-parking', 'garbage'], streets: ['Lạc Long Quân', 'Hòa Bình', 'Lò Siêu'] },
  { name: 'Chợ Thủ Đức', lon: 106.756, lat: 10.85, radius: 450, weight: 3, categories: ['sidewalk-encroachment', 'garbage', 'illegal-parking'], streets: ['Võ Văn Ngân', 'Đặng Văn Bi', 'Kha Vạn Cân'] },
  { name: 'Làng Đại học', lon: 106.802, lat: 10.871, radius: 900, weight: 3, categories: ['street-light', 'noise', 'stray-animals', 'public-order'], streets: ['Tạ Quang Bửu', 'Quảng trường Sáng tạo'] },
  { name: 'Ngã tư Thủ Đức', lon: 106.772, lat: 10.85, radius: 600, weight: 3, categories: ['road-damage', 'pothole', 'illegal-parking', 'traffic-light'], streets: ['Xa lộ Hà Nội', 'Võ Văn Ngân', 'Lê Văn Việt'] },
  { name: 'Phú Mỹ Hưng', lon: 106.7195, lat: 10.729, radius: 700, weight: 3, categories: ['illegal-parking', 'noise', 'unlicensed-advertising', 'stray-animals'], streets: ['Nguyễn Văn Linh', 'Nguyễn Đức Cảnh', 'Tôn Dật Tiên'] },
  { name: 'Quang Trung – Gò Vấp', lon: 106.656, lat: 10.837, radius: 600, weight: 4, categories: ['sidewalk-encroachment', 'illegal-construction', 'noise', 'flooding'], streets: ['Quang Trung', 'Phan Văn Trị', 'Lê Đức Thọ'] },
  { name: 'Âu Cơ – Tân Phú', lon: 106.642, lat: 10.788, radius: 500, weight: 3, categories: ['illegal-construction', 'noise', 'sidewalk-encroachment'], streets: ['Âu Cơ', 'Lũy Bán Bích', 'Tân Sơn Nhì'] },
  { name: 'Quốc lộ 1 – An Lạc', lon: 106.608, lat: 10.727, radius: 800, weight: 3, categories: ['road-damage', 'pothole', 'illegal-dumping', 'flooding'], streets: ['Quốc lộ 1', 'Kinh Dương Vương', 'Hồ Ngọc Lãm'] },
  { name: 'Bà Điểm – Hóc Môn', lon: 106.6, lat: 10.84, radius: 900, weight: 2, categories: ['illegal-construction', 'illegal-dumping', 'road-damage'], streets: ['Phan Văn Hớn', 'Nguyễn Ảnh Thủ', 'Quốc lộ 22'] },
  { name: 'Củ Chi', lon: 106.493, lat: 10.973, radius: 1200, weight: 1.5, categories: ['road-damage', 'power-outage', 'water-supply', 'illegal-construction'], streets: ['Quốc lộ 22', 'Tỉnh lộ 8'] },
  { name: 'Nhà Bè – Lê Văn Lương', lon: 106.7, lat: 10.698, radius: 800, weight: 2.5, categories: ['flooding', 'road-damage', 'illegal-construction'], streets: ['Lê Văn Lương', 'Huỳnh Tấn Phát', 'Nguyễn Bình'] },
  { name: 'Cần Thạnh – Cần Giờ', lon: 106.96, lat: 10.412, radius: 900, weight: 1, categories: ['garbage', 'flooding', 'water-supply'], streets: ['Duyên Hải', 'Rừng Sác'] },
  { name: 'Tân Thuận', lon: 106.736, lat: 10.758, radius: 600, weight: 2, categories: ['illegal-parking', 'air-pollution', 'road-damage'], streets: ['Huỳnh Tấn Phát', 'Nguyễn Văn Linh'] },
  { name: 'Thủ Dầu Một', lon: 106.653, lat: 10.98, radius: 800, weight: 3, categories: ['illegal-parking', 'sidewalk-encroachment', 'garbage', 'noise'], streets: ['Yersin', 'Cách Mạng Tháng Tám', 'Bạch Đằng'] },
  { name: 'Dĩ An – Sóng Thần', lon: 106.75, lat: 10.895, radius: 900, weight: 2.5, categories: ['air-pollution', 'water-pollution', 'road-damage', 'illegal-dumping'], streets: ['Quốc lộ 1K', 'Trần Hưng Đạo', 'Lý Thường Kiệt'] },
  { name: 'Lái Thiêu', lon: 106.704, lat: 10.905, radius: 800, weight: 2, categories: ['flooding', 'road-damage', 'garbage'], streets: ['Đại lộ Bình Dương', 'Nguyễn Văn Tiết'] },
  { name: 'Bãi Sau – Vũng Tàu', lon: 107.093, lat: 10.345, radius: 700, weight: 3, categories: ['garbage', 'street-vendor', 'noise', 'sidewalk-encroachment'], streets: ['Thùy Vân', 'Thi Sách', 'Phan Chu Trinh'] },
  { name: 'Rạch Bến Đình – Vũng Tàu', lon: 107.076, lat: 10.362, radius: 600, weight: 2, categories: ['flooding', 'water-pollution', 'canal-garbage'], streets: ['Lưu Chí Hiếu', 'Nguyễn An Ninh', 'Bình Giã'] },
  { name: 'Bà Rịa', lon: 107.17, lat: 10.499, radius: 700, weight: 1.5, categories: ['road-damage', 'garbage'], streets: ['Cách Mạng Tháng Tám', 'Nguyễn Thanh Đằng'] },
  { name: 'Côn Đảo', lon: 106.606, lat: 8.683, radius: 600, weight: 0.6, categories: ['garbage', 'water-supply', 'power-outage'], streets: ['Tôn Đức Thắng', 'Nguyễn Huệ'] },
];

/** Share of pool points drawn around hotspots; the rest spread over wards by population. */
export const HOTSPOT_SHARE = 0.35;
/** Share of a hotspot's reports that are one of its own categories. */
export const HOTSPOT_CATEGORY_BIAS = 0.55;

export const FAMILY_NAMES: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 10], ['Phạm', 7], ['Huỳnh', 5], ['Võ', 4], ['Phan', 4], ['Hoàng', 3],
  ['Trương', 2], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2], ['Hồ', 2], ['Ngô', 2], ['Vũ', 2], ['Dương', 1], ['Lý', 1],
  ['Đinh', 1], ['Lâm', 1], ['Mai', 1], ['Tô', 1],
];
export const MALE_MIDDLE = ['Văn', 'Minh', 'Hoàng', 'Quốc', 'Hữu', 'Thành', 'Đức', 'Công', 'Tấn', 'Thanh', 'Gia', 'Anh'];
export const FEMALE_MIDDLE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Mỹ', 'Kim', 'Thị Thu', 'Thị Ngọc', 'Hồng', 'Bảo', 'Thùy', 'Phương'];
export const MALE_GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Duy', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khang', 'Khoa', 'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Phát', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Tâm', 'Thắng', 'Thịnh', 'Trí', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Khôi'];
export const FEMALE_GIVEN = ['Anh', 'Châu', 'Diễm', 'Dung', 'Giang', 'Hà', 'Hân', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Ngân', 'Nhi', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thư', 'Trang', 'Trâm', 'Tuyết', 'Vân', 'Vy', 'Yến'];
/** Mobile prefixes of the Vietnamese carriers (Viettel, Vinaphone, MobiFone, Vietnamobile). */
export const MOBILE_PREFIXES = ['090', '093', '089', '070', '079', '077', '076', '078', '091', '094', '088', '083', '084', '085', '086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', '056', '058'];

export const REJECT_REASONS = [
  'Nội dung trùng với phản ánh đã tiếp nhận trước đó.',
  'Không đủ thông tin về vị trí để xác minh.',
  'Nội dung không thuộc phạm vi tiếp nhận của Tổng đài 1022; đề nghị liên hệ cơ quan có thẩm quyền.',
  'Phản ánh không đúng sự thật sau khi xác minh hiện trường.',
];

export const WAITING_MESSAGES = [
  'Đề nghị người phản ánh cung cấp thêm hình ảnh hiện trường.',
  'Đề nghị người phản ánh cho biết số nhà hoặc mốc cụ thể để xác minh.',
  'Đơn vị đã liên hệ nhưng chưa gặp được người phản ánh; đề nghị gọi lại số điện thoại tiếp nhận.',
];

export const REOPEN_MESSAGES = [
  'Tình trạng vẫn tiếp diễn, đề nghị xử lý dứt điểm.',
  'Chỉ xử lý tạm thời, sau vài ngày lại như cũ.',
  'Hình ảnh kết quả không đúng vị trí đã phản ánh.',
];
