// What the edits change, field by field, per site (and per record, document and task), against the
// shipped data: the review screen shows it before anything is exported. Computed from the files
// themselves, not from the edit list, so it shows what the exported folder will really hold.
import type { RegionFiles } from '../types';
import { REGION_FILES } from '../regionFiles';

export interface FieldChange {
  /** dotted path inside the object, e.g. `properties.occupancyPct` or `geometry.coordinates` */
  field: string;
  /** undefined: the field is new (or removed, for `after`) */
  before: unknown;
  after: unknown;
}

export interface ObjectDiff {
  file: string;
  /** the site, record, document or task the changes belong to */
  id: string;
  /** a readable name (the site's Vietnamese name) where there is one */
  label?: string;
  kind: 'added' | 'changed' | 'removed';
  changes: FieldChange[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf-level differences; arrays of plain values (coordinates, `about`) count as one value. */
function diffValues(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  // An object added or removed whole is still listed field by field.
  if ((isObject(a) || a === undefined) && (isObject(b) || b === undefined) && (a !== undefined || b !== undefined)) {
    const x = a ?? {};
    const y = b ?? {};
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) diffValues(x[k], y[k], path ? `${path}.${k}` : k, out);
    return;
  }
  // null and absent both mean "none" (a record's null geometry).
  if ((a === null || a === undefined) && (b === null || b === undefined)) return;
  // Lists of objects (a site's sources) item by item, so that an added source shows as one new item.
  // (Nested arrays, an outline's coordinates, are one value: a boundary replaced whole.)
  const objects = (v: unknown[]) => v.some((x) => isObject(x));
  const listOrNone = (v: unknown): v is unknown[] | undefined => v === undefined || Array.isArray(v);
  if (listOrNone(a) && listOrNone(b) && objects([...(a ?? []), ...(b ?? [])])) {
    const x = a ?? [];
    const y = b ?? [];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if (JSON.stringify(x[i]) === JSON.stringify(y[i])) continue;
      out.push({ field: `${path}.${i}`, before: x[i], after: y[i] });
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: path, before: a, after: b });
}

/** The figures first, then the position, then the sources backing them. */
function rank(field: string): number {
  if (/^(properties\.)?sources\b/.test(field)) return 2;
  return field.startsWith('geometry') ? 1 : 0;
}

function keyedFeatures(fc: unknown, key: (p: Json) => string): Map<string, Json> {
  const map = new Map<string, Json>();
  const list = (fc as { features?: unknown } | null | undefined)?.features;
  if (!Array.isArray(list)) return map;
  for (const f of list as Json[]) {
    const p = isObject(f['properties']) ? f['properties'] : {};
    map.set(key(p), f);
  }
  return map;
}

function diffMaps(file: string, a: Map<string, unknown>, b: Map<string, unknown>, label: (v: unknown) => string | undefined): ObjectDiff[] {
  const out: ObjectDiff[] = [];
  for (const [id, after] of b) {
    const before = a.get(id);
    let changes: FieldChange[] = [];
    diffValues(before ?? {}, after, '', changes);
    // The GeoJSON wrapper ("type": "Feature") says nothing to a reader.
    changes = changes.filter((c) => c.field !== 'type');
    if (changes.length === 0) continue;
    changes.sort((x, y) => rank(x.field) - rank(y.field));
    const name = label(after);
    out.push({ file, id, ...(name ? { label: name } : {}), kind: before === undefined ? 'added' : 'changed', changes });
  }
  for (const [id, before] of a) {
    if (b.has(id)) continue;
    const changes: FieldChange[] = [];
    diffValues(before, {}, '', changes);
    changes.splice(0, changes.length, ...changes.filter((c) => c.field !== 'type'));
    const name = label(before);
    out.push({ file, id, ...(name ? { label: name } : {}), kind: 'removed', changes });
  }
  return out;
}

const siteName = (f: unknown) => {
  const name = (isObject(f) && isObject(f['properties']) ? f['properties']['name'] : undefined) as { vi?: unknown } | undefined;
  return typeof name?.vi === 'string' ? name.vi : undefined;
};
const titleOf = (d: unknown) => {
  const t = (isObject(d) ? d['title'] : undefined) as { vi?: unknown } | undefined;
  return typeof t?.vi === 'string' ? t.vi : undefined;
};
const taskWhat = (t: unknown) => {
  const w = (isObject(t) ? t['what'] : undefined) as { vi?: unknown } | undefined;
  return typeof w?.vi === 'string' ? w.vi : undefined;
};

/** Per-object differences of the shipped files and the edited ones, in file order. */
export function diffRegionFiles(base: RegionFiles, edited: RegionFiles, siteNames: ReadonlyMap<string, string> = new Map()): ObjectDiff[] {
  const byId = (p: Json) => String(p['id']);
  const sources = (r: unknown) => new Map(Object.entries(isObject(r) && isObject(r['sources']) ? r['sources'] : {}));
  const tasks = (t: unknown) => {
    const list = isObject(t) && Array.isArray(t['tasks']) ? (t['tasks'] as Json[]) : [];
    return new Map(list.map((x) => [String(x['id']), x as unknown]));
  };
  const withoutSources = (r: unknown) => (isObject(r) ? { ...r, sources: undefined } : r);
  const regionRest: FieldChange[] = [];
  diffValues(withoutSources(base.region), withoutSources(edited.region), '', regionRest);
  // A progress record is named after its site, which the reader knows by name.
  const recordLabel = (f: unknown) => {
    const p = isObject(f) && isObject(f['properties']) ? f['properties'] : {};
    const site = typeof p['siteId'] === 'string' ? (siteNames.get(p['siteId']) ?? p['siteId']) : undefined;
    return site ? `${site} — ${String(p['asOf']).split('-').reverse().join('/')}` : undefined;
  };
  return [
    ...diffMaps(REGION_FILES.sites, keyedFeatures(base.sites, byId), keyedFeatures(edited.sites, byId), siteName),
    ...diffMaps(
      REGION_FILES.clearance,
      keyedFeatures(base.clearance, (p) => `${String(p['id'])}@${String(p['asOf'])}`),
      keyedFeatures(edited.clearance, (p) => `${String(p['id'])}@${String(p['asOf'])}`),
      recordLabel,
    ),
    ...diffMaps(`${REGION_FILES.region} › sources`, sources(base.region), sources(edited.region), titleOf),
    ...(regionRest.length > 0 ? [{ file: REGION_FILES.region, id: 'region', kind: 'changed' as const, changes: regionRest }] : []),
    ...diffMaps(REGION_FILES.tasks, tasks(base.tasks), tasks(edited.tasks), taskWhat),
  ];
}
