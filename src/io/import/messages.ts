// What went wrong with an imported file, in sentences a planner can act on: which feature (counted
// from 1, as a person counts, with its name) or which CSV line and column, what is wrong, and when
// it helps, what to do. Vietnamese with every diacritic, and English. Plain text: names and values
// from the file are quoted as they are and must be rendered as text, never as HTML.
import type { Lang } from '../../i18n/format';
import type { SourceCrs, FeatureProblem, FeatureProblemCode, FileErrorCode, TextEncodingNote } from './types';

export type { Lang };
type Detail = Record<string, string | number | undefined>;

/** Text from the file, quoted, cut at 80 characters so one odd value cannot flood the message. */
function q(s: string | number | undefined): string {
  const t = String(s ?? '');
  return `“${t.length > 80 ? `${t.slice(0, 79)}…` : t}”`;
}

/** A coordinate as GIS tools print it (decimal point, at most 6 decimals), whatever the language. */
function c(n: string | number | undefined): string {
  const x = typeof n === 'number' ? n : Number(n);
  return Number.isFinite(x) ? String(Number(x.toFixed(6))) : String(n);
}

/** A VN-2000 zone as its central meridian is written: 104.75 → 104°45′. */
export function zoneLabel(zone: number): string {
  const deg = Math.floor(zone);
  const min = Math.round((zone - deg) * 60);
  return min === 0 ? `${deg}°` : `${deg}°${String(min).padStart(2, '0')}′`;
}

/** A file size as a person reads it: 1,5 MB / 293 KB / 512 byte (decimal comma in Vietnamese). */
function megabytes(bytes: number, lang: Lang): string {
  const num = (x: number) => {
    const s = x >= 10 ? x.toFixed(0) : x.toFixed(1);
    return lang === 'vi' ? s.replace('.', ',') : s;
  };
  if (bytes >= 1024 * 1024) return `${num(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${num(bytes / 1024)} KB`;
  return lang === 'vi' ? `${bytes} byte` : `${bytes} bytes`;
}

// ---- where ----------------------------------------------------------------------------------

/** "Dòng 7" for a CSV line, else "Đối tượng thứ 3 (“KCN Đông Phố Mới”)". */
function where(p: FeatureProblem, lang: Lang): string {
  const d: Detail = p.detail ?? {};
  const vi = lang === 'vi';
  const at = d['row'] !== undefined ? (vi ? `Dòng ${d['row']}` : `Row ${d['row']}`) : vi ? `Đối tượng thứ ${p.index + 1}` : `Feature ${p.index + 1}`;
  return p.name ? `${at} (${q(p.name)})` : at;
}

/** Which ring, part or member: "phần 2, lỗ thứ 1" / "part 2, hole 1"; empty when not about a ring. */
function ringOf(d: Detail, lang: Lang): string {
  const vi = lang === 'vi';
  const bits: string[] = [];
  if (d['member'] !== undefined) bits.push(vi ? `thành phần thứ ${d['member']}` : `member ${d['member']}`);
  if (d['part'] !== undefined) bits.push(vi ? `phần ${d['part']}` : `part ${d['part']}`);
  if (d['hole'] !== undefined) {
    const h = Number(d['hole']);
    bits.push(h === 0 ? (vi ? 'vòng ngoài' : 'outer ring') : vi ? `lỗ thứ ${h}` : `hole ${h}`);
  }
  return bits.join(', ');
}

/** "Đối tượng thứ 3 (“A”): phần 2, vòng ngoài" / "Feature 3 (“A”): the outer ring" */
function whereRing(p: FeatureProblem, lang: Lang): string {
  const r = ringOf(p.detail ?? {}, lang);
  if (!r) return where(p, lang);
  return `${where(p, lang)}: ${lang === 'en' && r.startsWith('outer') ? `the ${r}` : r}`;
}

// ---- feature problems --------------------------------------------------------------------------

type FeatureText = (p: FeatureProblem, d: Detail, lang: Lang) => string;

const FEATURE: Record<FeatureProblemCode, FeatureText> = {
  'null-geometry': (p, _d, l) =>
    l === 'vi'
      ? `${where(p, l)} không có hình học (không có điểm, đường hay vùng nào), nên không được nạp.`
      : `${where(p, l)} has no geometry (no point, line or polygon), so it was not loaded.`,

  'empty-geometry': (p, d, l) =>
    l === 'vi'
      ? `${whereRing(p, l)} có hình học rỗng, không có tọa độ nào, nên không được nạp.`
      : `${whereRing(p, l)} has an empty geometry with no coordinates, so it was not loaded.`,

  'unsupported-geometry': (p, d, l) =>
    l === 'vi'
      ? `${whereRing(p, l)} có kiểu hình học ${q(d['type'])} mà ứng dụng không đọc được (chỉ nhận điểm, đường và vùng), nên không được nạp.`
      : `${whereRing(p, l)} has a geometry of type ${q(d['type'])}, which the app cannot read (only points, lines and polygons), so it was not loaded.`,

  'bad-coordinate': (p, d, l) => {
    const vi = l === 'vi';
    if (d['column'] !== undefined) {
      const value = String(d['value'] ?? '');
      if (value === '') {
        return vi
          ? `${where(p, l)}: ô ${q(d['column'])} để trống, nên dòng này không có tọa độ và không được nạp.`
          : `${where(p, l)}: the ${q(d['column'])} cell is empty, so the row has no coordinate and was not loaded.`;
      }
      return vi
        ? `${where(p, l)}: ô ${q(d['column'])} ghi ${q(value)}, không phải là số, nên dòng này không được nạp. Hãy sửa ô đó rồi nạp lại.`
        : `${where(p, l)}: the ${q(d['column'])} cell reads ${q(value)}, which is not a number, so the row was not loaded. Correct the cell and load the file again.`;
    }
    const more = Number(d['count'] ?? 1) - 1;
    return vi
      ? `${whereRing(p, l)} có tọa độ không hợp lệ ${d['position']} (không phải số, thiếu số, hoặc là NaN/vô cực)` +
          `${more > 0 ? `, cùng ${more} tọa độ lỗi khác` : ''}, nên không được nạp.`
      : `${whereRing(p, l)} has an invalid coordinate ${d['position']} (not a number, missing, NaN or infinite)` +
          `${more > 0 ? `, and ${more} more` : ''}, so it was not loaded.`;
  },

  'outside-vietnam': (p, d, l) => {
    const vi = l === 'vi';
    const at = `[${c(d['lon'])}, ${c(d['lat'])}]`;
    switch (d['hint']) {
      case 'swapped':
        return vi
          ? `${where(p, l)} nằm ngoài Việt Nam nên không được nạp: tọa độ ${at} có vẻ bị đảo, vĩ độ đứng trước kinh độ. Hãy đổi chỗ kinh độ và vĩ độ rồi nạp lại.`
          : `${where(p, l)} lies outside Vietnam and was not loaded: the coordinate ${at} looks swapped, latitude before longitude. Swap longitude and latitude and load the file again.`;
      case 'projected':
        return vi
          ? `${where(p, l)} có tọa độ ${at} tính bằng mét chứ không phải độ, nên không được nạp: tệp có vẻ ở hệ VN-2000 mà chưa được chuyển sang WGS84. Hãy xuất lại tệp ở kinh độ/vĩ độ WGS84, hoặc nạp dạng GeoJSON, CSV hay Shapefile để ứng dụng chuyển từ VN-2000 theo múi chiếu của tỉnh.`
          : `${where(p, l)} has the coordinate ${at} in metres, not degrees, and was not loaded: the file seems to be in VN-2000 and was not converted to WGS84. Export it again in WGS84 longitude/latitude, or load it as GeoJSON, CSV or Shapefile so the app converts it from VN-2000 with the province's zone.`;
      case 'zone':
        return vi
          ? `${where(p, l)} nằm ngoài Việt Nam (tại ${at}) sau khi chuyển từ VN-2000 múi chiếu ${zoneLabel(Number(d['zone']))}, nên không được nạp: có thể chọn sai múi chiếu, hoặc tọa độ không phải VN-2000. Hãy chọn đúng múi chiếu (kinh tuyến trục) của tỉnh rồi nạp lại.`
          : `${where(p, l)} lies outside Vietnam (at ${at}) after conversion from VN-2000 zone ${zoneLabel(Number(d['zone']))} and was not loaded: the zone may be wrong, or the coordinates are not VN-2000. Choose the province's zone (central meridian) and load the file again.`;
      default:
        return vi
          ? `${where(p, l)} nằm ngoài Việt Nam, tại ${at}, nên không được nạp: có thể tệp dùng hệ tọa độ khác WGS84, hoặc tọa độ bị nhập sai.`
          : `${where(p, l)} lies outside Vietnam, at ${at}, and was not loaded: the file may use a coordinate system other than WGS84, or the coordinates were entered wrongly.`;
    }
  },

  'too-few-points': (p, d, l) => {
    const vi = l === 'vi';
    const ring = d['hole'] !== undefined;
    if (ring) {
      return vi
        ? `${whereRing(p, l)} chỉ có ${d['points']} điểm, chưa đủ tạo thành vùng (cần ít nhất 3 đỉnh khác nhau, tức 4 điểm kể cả điểm khép lại), nên không được nạp.`
        : `${whereRing(p, l)} has only ${d['points']} points, too few for an area (at least 3 distinct corners, 4 points with the closing one), so it was not loaded.`;
    }
    return vi
      ? `${whereRing(p, l)} chỉ có ${d['points']} điểm, chưa đủ tạo thành đường (cần ít nhất 2 điểm), nên không được nạp.`
      : `${whereRing(p, l)} has only ${d['points']} point${Number(d['points']) === 1 ? '' : 's'}, too few for a line (at least 2), so it was not loaded.`;
  },

  'unclosed-ring': (p, d, l) =>
    l === 'vi'
      ? `${whereRing(p, l)} không khép kín (điểm cuối ${d['last']} khác điểm đầu ${d['first']}), nên không được nạp. Ứng dụng không tự khép vùng; hãy thêm điểm cuối trùng điểm đầu (hoặc sửa trong phần mềm GIS) rồi nạp lại.`
      : `${whereRing(p, l)} is not closed (its last point ${d['last']} differs from its first ${d['first']}), so it was not loaded. The app does not close areas by itself; add a last point equal to the first (or fix it in a GIS program) and load the file again.`,

  'self-intersection': (p, d, l) => {
    const vi = l === 'vi';
    const at = `[${c(d['lon'])}, ${c(d['lat'])}]`;
    const n = Number(d['count'] ?? 1);
    return vi
      ? `${whereRing(p, l)} tự cắt chính nó ${n > 1 ? `ở ${n} chỗ, chỗ đầu tiên tại` : 'tại'} ${at} (hình “nơ bướm”, thường do hai đỉnh bị đảo thứ tự), nên diện tích không tính đúng được và vùng không được nạp. Hãy sửa thứ tự các đỉnh rồi nạp lại.`
      : `${whereRing(p, l)} crosses itself ${n > 1 ? `in ${n} places, first at` : 'at'} ${at} (a “bow-tie”, usually two corners in the wrong order), so its area cannot be computed and it was not loaded. Put the corners in order and load the file again.`;
  },

  'geometry-repaired': (p, d, l) => {
    const vi = l === 'vi';
    const at = `[${c(d['lon'])}, ${c(d['lat'])}]`;
    const n = Number(d['count'] ?? 1);
    return vi
      ? `${whereRing(p, l)} tự cắt chính nó ${n > 1 ? `ở ${n} chỗ, chỗ đầu tiên tại` : 'tại'} ${at} (hình “nơ bướm”, thường do hai đỉnh bị đảo thứ tự). Vẫn được nạp, với hình đã sửa: vùng được tách tại chỗ cắt thành các phần không chồng lên nhau, và diện tích là của hình đã sửa. Có thể bỏ đối tượng này khỏi lớp, hoặc sửa thứ tự các đỉnh rồi nạp lại.`
      : `${whereRing(p, l)} crosses itself ${n > 1 ? `in ${n} places, first at` : 'at'} ${at} (a “bow-tie”, usually two corners in the wrong order). Loaded anyway, with its shape repaired: split at the crossing into parts that do not overlap, and the area is the repaired shape's. You can leave the feature out of the layer, or put the corners in order and load the file again.`;
  },

  'zero-area': (p, _d, l) =>
    l === 'vi'
      ? `${whereRing(p, l)} có mọi đỉnh nằm trên một đường thẳng nên không có diện tích, và vùng không được nạp.`
      : `${whereRing(p, l)} has every corner on one line, so it encloses no area and was not loaded.`,

  'hole-outside': (p, d, l) =>
    l === 'vi'
      ? `${whereRing(p, l)} nằm ngoài vòng ngoài của vùng (điểm [${c(d['lon'])}, ${c(d['lat'])}]), nên vùng không hợp lệ và không được nạp.`
      : `${whereRing(p, l)} lies outside the polygon's outer ring (point [${c(d['lon'])}, ${c(d['lat'])}]), so the polygon is invalid and was not loaded.`,

  'duplicate-id': (p, d, l) => {
    const vi = l === 'vi';
    const first =
      d['firstRow'] !== undefined
        ? vi
          ? `dòng ${d['firstRow']}`
          : `row ${d['firstRow']}`
        : vi
          ? `đối tượng thứ ${d['first']}`
          : `feature ${d['first']}`;
    return vi
      ? `${where(p, l)} có mã ${q(d['id'])} trùng với ${first}. Vẫn được nạp, nhưng không thể phân biệt hai đối tượng theo mã này.`
      : `${where(p, l)} has the id ${q(d['id'])}, the same as ${first}. Loaded anyway, but the two cannot be told apart by this id.`;
  },

  'skipped-entities': (p, d, l) => {
    const vi = l === 'vi';
    const n = Number(d['count'] ?? 1);
    const paper = d['space'] === 'paper';
    const first = vi ? `đối tượng thứ ${p.index + 1}` : `entity ${p.index + 1}`;
    if (paper) {
      return vi
        ? `Bản vẽ có ${n} đối tượng ${q(d['type'])} nằm trong không gian giấy (khung in, không phải tọa độ thực địa), từ ${first}; chúng không được nạp.`
        : `The drawing has ${n} ${q(d['type'])} entit${n === 1 ? 'y' : 'ies'} in paper space (the print layout, not ground coordinates), from ${first}; they were not loaded.`;
    }
    return vi
      ? `Bản vẽ có ${n} đối tượng loại ${q(d['type'])} (đầu tiên là ${first}) không được nạp: ứng dụng chỉ đọc đường, đường bao khép kín và điểm.`
      : `The drawing has ${n} ${q(d['type'])} entit${n === 1 ? 'y' : 'ies'} (the first is ${first}) that were not loaded: the app reads only lines, closed outlines and points.`;
  },

  'missing-name': (p, _d, l) =>
    l === 'vi'
      ? `${where(p, l)} không có tên (không thấy trường Tên hay Name). Vẫn được nạp.`
      : `${where(p, l)} has no name (no Tên or Name field). Loaded anyway.`,
};

/** One sentence about a problem with one feature (or CSV line), in the given language. */
export function featureProblemMessage(p: FeatureProblem, lang: Lang): string {
  return FEATURE[p.code](p, p.detail ?? {}, lang);
}

// ---- file errors ---------------------------------------------------------------------------------

type FileText = (d: Detail, lang: Lang) => string;

/** "Tệp “a.kml”" / "The file “a.kml”", or "Tệp này" when the name is not known. */
function file(d: Detail, lang: Lang, kind = ''): string {
  const vi = lang === 'vi';
  if (d['file'] === undefined) return vi ? `Tệp${kind ? ` ${kind}` : ''} này` : `This${kind ? ` ${kind}` : ''} file`;
  return vi ? `Tệp${kind ? ` ${kind}` : ''} ${q(d['file'])}` : `The${kind ? ` ${kind}` : ''} file ${q(d['file'])}`;
}

function listed(d: Detail, lang: Lang): string {
  const n = Number(d['files'] ?? 0);
  if (!d['names']) return lang === 'vi' ? (n === 0 ? ' (tệp nén rỗng)' : '') : n === 0 ? ' (the archive is empty)' : '';
  return lang === 'vi' ? ` (trong đó có ${n} tệp: ${d['names']})` : ` (it holds ${n} file${n === 1 ? '' : 's'}: ${d['names']})`;
}

const FILE: Record<FileErrorCode, FileText> = {
  'too-large': (d, l) => {
    const size = Number(d['bytes'] ?? d['size'] ?? 0);
    const max = Number(d['max'] ?? 0);
    if (d['entry'] !== undefined) {
      return l === 'vi'
        ? `${file(d, l)} chứa ${q(d['entry'])} nặng ${megabytes(size, l)} khi giải nén, vượt giới hạn ${megabytes(max, l)}, nên không được đọc.`
        : `${file(d, l)} holds ${q(d['entry'])}, ${megabytes(size, l)} unpacked, over the ${megabytes(max, l)} limit, so it was not read.`;
    }
    return l === 'vi'
      ? `${file(d, l)} nặng ${megabytes(size, l)}, vượt giới hạn ${megabytes(max, l)}, nên không được đọc. Hãy chia nhỏ tệp hoặc chỉ giữ vùng cần dùng.`
      : `${file(d, l)} is ${megabytes(size, l)}, over the ${megabytes(max, l)} limit, so it was not read. Split it, or keep only the area you need.`;
  },

  'empty-file': (d, l) =>
    l === 'vi' ? `${file(d, l)} rỗng (0 byte): không có gì để nạp.` : `${file(d, l)} is empty (0 bytes): there is nothing to load.`,

  'unknown-format': (d, l) =>
    l === 'vi'
      ? `Không nhận ra định dạng của ${file(d, l).replace(/^Tệp/, 'tệp')}. Ứng dụng đọc được GeoJSON (.geojson, .json), KML, KMZ, Shapefile nén .zip, DXF và CSV.`
      : `The format of ${file(d, l).replace(/^The file|^This file/, (m) => m.toLowerCase())} was not recognised. The app reads GeoJSON (.geojson, .json), KML, KMZ, zipped Shapefiles, DXF and CSV.`,

  'not-json': (d, l) => {
    const vi = l === 'vi';
    if (d['reason'] === 'truncated') {
      return vi
        ? `${file(d, l)} không phải JSON hợp lệ: nội dung bị cắt cụt ở dòng ${d['line'] ?? '?'} (có thể tải về hoặc sao chép chưa xong). Hãy lấy lại tệp đầy đủ.`
        : `${file(d, l)} is not valid JSON: it is cut short at line ${d['line'] ?? '?'} (perhaps an unfinished download or copy). Get the complete file again.`;
    }
    const at = d['line'] !== undefined ? (vi ? ` ở dòng ${d['line']}, cột ${d['column']}` : ` at line ${d['line']}, column ${d['column']}`) : '';
    return vi
      ? `${file(d, l)} không phải JSON hợp lệ: có lỗi cú pháp${at}.`
      : `${file(d, l)} is not valid JSON: there is a syntax error${at}.`;
  },

  'not-geojson': (d, l) =>
    l === 'vi'
      ? `${file(d, l)} là JSON nhưng không phải GeoJSON (thấy ${d['found'] ?? 'nội dung khác'}, cần FeatureCollection, Feature hoặc một hình học).`
      : `${file(d, l)} is JSON but not GeoJSON (found ${d['found'] ?? 'something else'}; expected a FeatureCollection, a Feature or a geometry).`,

  'not-xml': (d, l) => {
    const at = d['line'] !== undefined ? (l === 'vi' ? ` (lỗi ở dòng ${d['line']})` : ` (error at line ${d['line']})`) : '';
    return l === 'vi'
      ? `${file(d, l)} không phải XML hợp lệ${at}, nên không đọc được như KML. Có thể tệp bị cắt cụt, hoặc là một trang web báo lỗi thay vì dữ liệu; hãy tải lại từ nguồn.`
      : `${file(d, l)} is not valid XML${at}, so it cannot be read as KML. It may be cut short, or be an error web page instead of data; download it again from the source.`;
  },

  'not-kml': (d, l) =>
    l === 'vi'
      ? `${file(d, l)} là XML nhưng không phải KML (phần tử gốc là ${q(d['root'])}, cần ${q('kml')}).`
      : `${file(d, l)} is XML but not KML (its root element is ${q(d['root'])}, not ${q('kml')}).`,

  'kmz-without-kml': (d, l) =>
    l === 'vi'
      ? `${file(d, l, 'KMZ')} không chứa tệp .kml nào${listed(d, l)}, nên không có gì để nạp.`
      : `${file(d, l, 'KMZ')} holds no .kml document${listed(d, l)}, so there is nothing to load.`,

  'bad-zip': (d, l) =>
    l === 'vi'
      ? `${file(d, l)} không giải nén được: tệp nén bị hỏng, bị cắt cụt hoặc không phải .zip/.kmz thật. Hãy nén lại hoặc tải lại tệp.`
      : `${file(d, l)} cannot be unpacked: the archive is damaged, cut short or not really a .zip/.kmz. Zip it again or download it again.`,

  'zip-without-shp': (d, l) =>
    l === 'vi'
      ? `${file(d, l)} là tệp nén nhưng không chứa Shapefile (.shp) hay KML nào${listed(d, l)}.`
      : `${file(d, l)} is a zip but holds no Shapefile (.shp) or KML${listed(d, l)}.`,

  'shp-without-dbf': (d, l) =>
    l === 'vi'
      ? `Lớp ${q(d['layer'])} trong ${file(d, l).replace(/^Tệp/, 'tệp')} có tệp .shp nhưng thiếu tệp .dbf (bảng thuộc tính) đi kèm. Hãy nén đủ các tệp .shp, .shx, .dbf, .prj cùng tên rồi nạp lại.`
      : `Layer ${q(d['layer'])} in ${file(d, l).replace(/^The file|^This file/, (m) => m.toLowerCase())} has a .shp but no matching .dbf (attribute table). Zip the .shp, .shx, .dbf and .prj of the same name together and load again.`,

  'bad-shp': (d, l) =>
    l === 'vi'
      ? `Tệp .shp (hình học) của lớp ${q(d['layer'])} bị hỏng hoặc bị cắt cụt, nên không đọc được.`
      : `The .shp (geometry) of layer ${q(d['layer'])} is damaged or cut short and cannot be read.`,

  'bad-dbf': (d, l) =>
    l === 'vi'
      ? `Tệp .dbf (bảng thuộc tính) của lớp ${q(d['layer'])} bị hỏng hoặc không khớp với tệp .shp, nên không đọc được.`
      : `The .dbf (attribute table) of layer ${q(d['layer'])} is damaged or does not match the .shp, so it cannot be read.`,

  'unknown-prj': (d, l) => {
    const what = d['projection'] !== undefined ? ` (${d['projection']}${d['datum'] !== undefined ? `, ${d['datum']}` : ''})` : '';
    return l === 'vi'
      ? `Không nhận ra hệ tọa độ trong tệp .prj${what}. Ứng dụng đọc được WGS84 (kinh độ/vĩ độ) và VN-2000 TM-3; hãy chuyển tệp sang một trong hai hệ này, hoặc bỏ tệp .prj nếu tọa độ là VN-2000 rồi chọn múi chiếu.`
      : `The coordinate system in the .prj file was not recognised${what}. The app reads WGS84 (longitude/latitude) and VN-2000 TM-3; convert the file to one of them, or leave out the .prj if the coordinates are VN-2000 and choose the zone.`;
  },

  'csv-no-coordinates': (d, l) => {
    const cols = String(d['columns'] ?? '');
    const one = cols !== '' && !cols.includes(', ');
    const vi = l === 'vi';
    const hint = one
      ? vi
        ? ' Chỉ thấy một cột: có thể các cột được ngăn bằng ký tự khác dấu phẩy, chấm phẩy hay tab.'
        : ' Only one column was found: the columns may be separated by something other than a comma, semicolon or tab.'
      : '';
    return vi
      ? `${file(d, l, 'CSV')} không có cột tọa độ. Các cột tìm thấy: ${cols || '(không có)'}. Cần một cặp cột Kinh độ/Vĩ độ (lon/lat) hoặc X/Y (VN-2000, mét).${hint}`
      : `${file(d, l, 'CSV')} has no coordinate columns. Columns found: ${cols || '(none)'}. It needs a Longitude/Latitude (Kinh độ/Vĩ độ) pair or an X/Y pair (VN-2000 metres).${hint}`;
  },

  'csv-empty': (d, l) =>
    l === 'vi'
      ? `${file(d, l, 'CSV')} không có dòng dữ liệu nào${d['columns'] ? ' (chỉ có dòng tiêu đề)' : ''}.`
      : `${file(d, l, 'CSV')} has no data rows${d['columns'] ? ' (only the header line)' : ''}.`,

  'bad-dxf': (d, l) =>
    l === 'vi'
      ? `${file(d, l, 'DXF')} bị hỏng hoặc không đọc được. Hãy lưu lại bản vẽ dạng DXF ASCII (ví dụ AutoCAD 2000–2018) rồi nạp lại.`
      : `${file(d, l, 'DXF')} is damaged or cannot be read. Save the drawing again as ASCII DXF (e.g. AutoCAD 2000–2018) and load it again.`,

  'no-features': (d, l) => {
    const only = d['skipped'] ? (l === 'vi' ? ` Bản vẽ chỉ có: ${d['skipped']}, là những loại không nạp được.` : ` The drawing holds only: ${d['skipped']}, kinds that are not imported.`) : '';
    return l === 'vi'
      ? `${file(d, l)} đọc được nhưng không có đối tượng nào (không có điểm, đường hay vùng).${only}`
      : `${file(d, l)} was read but holds no features (no point, line or polygon).${only}`;
  },
};

/** One sentence about a file that could not be read, in the given language. */
export function fileErrorMessage(err: { code: FileErrorCode; detail?: Record<string, string | number> }, lang: Lang): string {
  return FILE[err.code](err.detail ?? {}, lang);
}

export const FILE_ERROR_CODES = Object.keys(FILE) as FileErrorCode[];
export const FEATURE_PROBLEM_CODES = Object.keys(FEATURE) as FeatureProblemCode[];

/**
 * A remark on how the coordinates were read, when the planner should check it: a VN-2000 file that
 * did not say its zone, converted with the region's default. Null when there is nothing to say.
 */
export function crsMessage(crs: SourceCrs, lang: Lang): string | null {
  if (crs.kind !== 'vn2000' || crs.zoneFrom !== 'region-default') return null;
  return lang === 'vi'
    ? `Tệp có vẻ ở hệ VN-2000 (tọa độ tính bằng mét) nhưng không ghi múi chiếu; đã dùng múi chiếu ${zoneLabel(crs.zone)} của tỉnh. Nếu các đối tượng lệch chỗ, hãy chọn múi chiếu khác.`
    : `The file seems to be in VN-2000 (coordinates in metres) but does not give its zone; the province's zone ${zoneLabel(crs.zone)} was used. If the features are misplaced, choose another zone.`;
}

/** A remark on attribute text read without a declared encoding (Shapefile, DXF), or null. */
export function textEncodingMessage(note: TextEncodingNote | undefined, lang: Lang): string | null {
  if (!note || note.from !== 'fallback') return null;
  const layer = note.layer ? (lang === 'vi' ? ` của lớp ${q(note.layer)}` : ` of layer ${q(note.layer)}`) : '';
  return lang === 'vi'
    ? `Chữ trong bảng thuộc tính${layer} không ghi bảng mã và không phải UTF-8; đã đọc theo Windows-1258. Hãy kiểm tra tên các đối tượng: nếu chữ bị lỗi, tệp có thể dùng phông TCVN3 hoặc VNI.`
    : `The attribute text${layer} names no encoding and is not UTF-8; it was read as Windows-1258. Check the feature names: garbled letters mean the file may use the TCVN3 or VNI fonts.`;
}
