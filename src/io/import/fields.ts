// Attribute names and values as planners' files write them: Vietnamese or English, with or without
// diacritics, any case ("Tên KCN", "TEN_KCN", "ten kcn", "Name"). Shared by every importer.
import type { AttributeValue } from './types';

/**
 * A column or attribute name folded for matching: lower case, diacritics removed (đ → d), every run
 * of characters that are not letters or digits turned into one space, trimmed.
 * "Tên KCN" → "ten kcn"; "VĨ_ĐỘ" → "vi do"; "X (m)" → "x m".
 */
export function foldKey(key: string): string {
  return key
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Attributes that identify a feature: id, ID, Id, ma, Mã (the folded name is exactly "id" or "ma"). */
export function isIdKey(key: string): boolean {
  const k = foldKey(key);
  return k === 'id' || k === 'ma';
}

/** Is this folded key a name column? "name", "ten", "ten kcn", "tenkcn", "ten khu", "so hieu moc"… */
export function isNameKey(folded: string): boolean {
  if (folded === 'name' || folded === 'ten' || folded === 'names') return true;
  if (folded.startsWith('ten ')) return true;
  // Survey tables label their points rather than name them: "Số hiệu mốc", "Số hiệu điểm", "Điểm".
  if (folded.startsWith('so hieu') || folded === 'diem' || folded === 'moc') return true;
  // Joined spellings from shapefile field names (10 characters at most): TENKCN, TENCCN, TENKHU, TENCUM.
  return /^ten(kcn|ccn|khu|cum|diem|dt|doituong)\b/.test(folded);
}

/** The first name-like attribute with text in it, exact names ("name", "ten") before prefixed ones. */
export function pickName(properties: Record<string, AttributeValue>): string | null {
  const keys = Object.keys(properties);
  const exact = keys.filter((k) => ['name', 'ten'].includes(foldKey(k)));
  const prefixed = keys.filter((k) => !exact.includes(k) && isNameKey(foldKey(k)));
  for (const k of [...exact, ...prefixed]) {
    const v = properties[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return null;
}

/**
 * A file's attribute value as one of ours: text stays text (never parsed as HTML), numbers and
 * booleans stay as they are, anything nested becomes its JSON text, and absent values become null.
 */
export function attributeValue(v: unknown): AttributeValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return v.toString();
  try {
    return JSON.stringify(v) ?? null;
  } catch {
    // Nested too deeply to write out (String() of it would overflow the stack as well).
    return Array.isArray(v) ? '[…]' : '{…}';
  }
}

export function attributes(props: unknown): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    for (const [k, v] of Object.entries(props as Record<string, unknown>)) out[k] = attributeValue(v);
  }
  return out;
}

/** The file name without folders and without its last extension: the default layer name. */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}

/** The lower-case extension without the dot ("" when there is none). */
export function extensionOf(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : '';
}
