// Validation of a region's files: shape (zod schema), geometry, and the cross-file links
// (sources, relocation endpoints, capital sums). Pure: takes parsed JSON, returns typed data or issues.
import { z } from './z';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  ClearanceProperties,
  LandmarkProperties,
  Region,
  RelocationProperties,
  RoadProperties,
  SiteProperties,
} from './schema';
import type { RegionData, RegionFiles } from './types';
import { checkSlides, parseStory, storyIssueField, type Story } from './story';
import { checkInvestorFigures } from './investorChecks';
import { checkObligations, parseTasks } from './validateObligations';
import { pathOf, zodDetail, type DataIssue } from './dataIssue';
import { checkGeometry, firstPosition, geometrySay, type GeometryType } from './geometryChecks';
import { checkFigureSources, checkSources } from './sourceChecks';

// Callers take the issue type and its one-line wording with validateRegion (the app through a lazy import).
export { formatIssue, type DataIssue, type ZodDetail } from './dataIssue';

// Messages go to planners who edit the files: Vietnamese, like the rest of the interface. Zod's own
// wording comes from ./zodVietnamese, which callers load (the app only once a file has failed).

interface LayerSpec<P> {
  file: string;
  schema: z.ZodType<P>;
  geometry: readonly GeometryType[];
  allowNullGeometry: boolean;
  /** what must be unique across the file (default: the id) */
  idKey?: (p: P) => string;
}

function parseCollection<P>(
  json: unknown,
  spec: LayerSpec<P>,
  issues: DataIssue[],
): FeatureCollection<Geometry | null, P> {
  const out: Feature<Geometry | null, P>[] = [];
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'FeatureCollection') {
    issues.push({ file: spec.file, field: 'type', message: 'tệp phải là một GeoJSON FeatureCollection' });
    return { type: 'FeatureCollection', features: out };
  }
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    issues.push({ file: spec.file, field: 'features', message: 'thiếu mảng "features"' });
    return { type: 'FeatureCollection', features: out };
  }
  const seen = new Map<string, number>();
  features.forEach((f: unknown, index) => {
    const raw = (f ?? {}) as { type?: unknown; properties?: unknown; geometry?: unknown };
    const rawId = (raw.properties as { id?: unknown } | null | undefined)?.id;
    const featureId = typeof rawId === 'string' ? rawId : undefined;
    const at = { file: spec.file, index, ...(featureId ? { featureId } : {}) };
    if (raw.type !== 'Feature') {
      issues.push({ ...at, field: 'type', message: 'phải là "Feature"' });
      return;
    }
    const parsed = spec.schema.safeParse(raw.properties);
    const geomError = checkGeometry(raw.geometry, spec.geometry, spec.allowNullGeometry);
    if (geomError) issues.push({ ...at, field: 'geometry', message: geomError, say: geometrySay(geomError) });
    if (!parsed.success) {
      for (const e of parsed.error.issues) {
        issues.push({ ...at, field: pathOf(['properties', ...e.path]), message: e.message, zod: zodDetail(e) });
      }
      return;
    }
    const key = spec.idKey ? spec.idKey(parsed.data) : featureId;
    if (key) {
      const prev = seen.get(key);
      if (prev !== undefined) {
        issues.push({ ...at, field: 'properties.id', message: `mã "${key}" trùng với đối tượng thứ ${prev + 1}` });
        return;
      }
      seen.set(key, index);
    }
    if (geomError) return;
    out.push({ type: 'Feature', properties: parsed.data, geometry: (raw.geometry ?? null) as Geometry | null });
  });
  return { type: 'FeatureCollection', features: out };
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

export interface ValidationResult {
  data: RegionData | null;
  issues: DataIssue[];
}

/** Validate every file of a region. `data` is null when anything is wrong: a region loads whole or not at all. */
export function validateRegion(files: RegionFiles): ValidationResult {
  const issues: DataIssue[] = [];
  const regionParsed = Region.safeParse(files.region);
  if (!regionParsed.success) {
    for (const e of regionParsed.error.issues) {
      issues.push({ file: 'region.json', field: pathOf(e.path), message: e.message, zod: zodDetail(e) });
    }
  }
  const sites = parseCollection(files.sites, {
    file: 'sites.geojson',
    schema: SiteProperties,
    geometry: ['Polygon', 'MultiPolygon', 'Point'],
    allowNullGeometry: true,
  }, issues);
  const roads = parseCollection(files.roads, {
    file: 'roads.geojson',
    schema: RoadProperties,
    geometry: ['LineString'],
    allowNullGeometry: false,
  }, issues);
  const relocations = parseCollection(files.relocations, {
    file: 'relocations.geojson',
    schema: RelocationProperties,
    geometry: ['LineString', 'Point'],
    allowNullGeometry: false,
  }, issues);
  const landmarks = parseCollection(files.landmarks ?? { type: 'FeatureCollection', features: [] }, {
    file: 'landmarks.geojson',
    schema: LandmarkProperties,
    geometry: ['Point'],
    allowNullGeometry: false,
  }, issues);

  const clearance = parseCollection(files.clearance ?? { type: 'FeatureCollection', features: [] }, {
    file: 'clearance.geojson',
    schema: ClearanceProperties,
    geometry: ['Polygon', 'MultiPolygon'],
    allowNullGeometry: true,
    // The same parcel or record appears once per date.
    idKey: (p) => `${p.id}@${p.asOf}`,
  }, issues);
  clearance.features.forEach((f, index) => {
    const p = f.properties;
    const at = { file: 'clearance.geojson', index, featureId: p.id };
    if (p.kind === 'parcel' && !f.geometry) issues.push({ ...at, field: 'geometry', message: 'thửa giải phóng mặt bằng cần hình đa giác' });
    if (p.kind === 'record' && f.geometry) issues.push({ ...at, field: 'geometry', message: 'bản ghi số liệu không có hình (geometry phải là null)' });
  });

  if (regionParsed.success) {
    const region = regionParsed.data;
    const known = new Set(Object.keys(region.sources));
    checkSources('sites.geojson', sites, known, issues);
    checkSources('roads.geojson', roads, known, issues);
    checkSources('relocations.geojson', relocations, known, issues);
    checkSources('landmarks.geojson', landmarks, known, issues);
    checkSources('clearance.geojson', clearance, known, issues);
    const compiled = new Set(Object.entries(region.sources).filter(([, s]) => s.compiled).map(([k]) => k));
    checkFigureSources('sites.geojson', sites, ['declaredAreaHa', 'investmentBnVnd', 'decision', 'investor'], compiled, issues);
    checkFigureSources('roads.geojson', roads, ['lengthKmDeclared', 'investmentBnVnd', 'decision'], compiled, issues);
    checkFigureSources('relocations.geojson', relocations, ['deadline', 'households'], compiled, issues);
    // A record's hectares are a figure; a sample record is labelled as such and is not a document's figure.
    checkFigureSources('clearance.geojson', clearance, ['clearance'], compiled, issues, (p) => p['kind'] === 'record' && p['sample'] !== true);
    issues.push(...checkInvestorFigures(sites, region));

    const refs: { doc: string; field: string }[] = [
      ...region.targets.map((t, i) => ({ doc: t.source.doc, field: `targets.${i}.source.doc` })),
      { doc: region.capital.source.doc, field: 'capital.source.doc' },
      ...region.capital.parts.flatMap((p, i) =>
        p.lines.map((l, j) => ({ doc: l.source.doc, field: `capital.parts.${i}.lines.${j}.source.doc` })),
      ),
      ...region.contacts.map((c, i) => ({ doc: c.source.doc, field: `contacts.${i}.source.doc` })),
      ...(region.usdRate ? [{ doc: region.usdRate.source.doc, field: 'usdRate.source.doc' }] : []),
    ];
    for (const r of refs) {
      if (!known.has(r.doc)) issues.push({ file: 'region.json', field: r.field, message: `nguồn "${r.doc}" không có trong "sources"` });
    }

    // The capital figures are quoted from the plan; a typo would show up as a sum that does not add up.
    const partsSum = region.capital.parts.reduce((s, p) => s + p.valueBnVnd, 0);
    if (!near(partsSum, region.capital.totalBnVnd)) {
      issues.push({
        file: 'region.json',
        field: 'capital.parts',
        message: `tổng các phần vốn ${partsSum} ≠ tổng vốn ${region.capital.totalBnVnd} tỷ đồng`,
      });
    }
    region.capital.parts.forEach((p, i) => {
      if (p.lines.length === 0) return;
      const sum = p.lines.reduce((s, l) => s + l.valueBnVnd, 0);
      if (!near(sum, p.valueBnVnd)) {
        issues.push({
          file: 'region.json',
          field: `capital.parts.${i}.lines`,
          message: `các dòng của "${p.label.vi}" cộng lại ${sum} ≠ ${p.valueBnVnd} tỷ đồng`,
        });
      }
    });

    const [w, s, e, n] = region.bbox as [number, number, number, number];
    const margin = 0.5; // degrees: a site just outside the bbox is a typo worth flagging, not a border case
    const checkInside = (file: string, fc: FeatureCollection<Geometry | null, { id: string }>, m = margin) =>
      fc.features.forEach((f, index) => {
        const pos = firstPosition(f.geometry) as [number, number] | null;
        if (pos && (pos[0] < w - m || pos[0] > e + m || pos[1] < s - m || pos[1] > n + m)) {
          issues.push({
            file,
            index,
            featureId: f.properties.id,
            field: 'geometry',
            message: `tọa độ [${pos[0]}, ${pos[1]}] nằm ngoài vùng của tỉnh (bbox ${region.bbox.join(', ')})`,
            say: { vi: `tọa độ ${pos[0]}, ${pos[1]} nằm ngoài vùng của tỉnh`, en: `${pos[0]}, ${pos[1]} lies outside the province` },
          });
        }
      });
    checkInside('sites.geojson', sites);
    checkInside('roads.geojson', roads);
    checkInside('relocations.geojson', relocations);
    // What a site is measured against may lie in a neighbouring province (Nội Bài airport for Lào Cai
    // and Lạng Sơn): landmarks get a wider margin, still narrow enough to catch swapped or mistyped degrees.
    checkInside('landmarks.geojson', landmarks, 2);
  }

  // Ids of every site in the file, valid or not: a site with a bad field is reported once, not
  // again as a missing end of each relocation that names it.
  const siteIds = rawIds(files.sites);
  relocations.features.forEach((f, index) => {
    const ends = [...f.properties.from.map((id, k) => ({ id, field: `properties.from.${k}` }))];
    if (f.properties.to) ends.push({ id: f.properties.to, field: 'properties.to' });
    for (const end of ends) {
      if (!siteIds.has(end.id)) {
        issues.push({
          file: 'relocations.geojson',
          index,
          featureId: f.properties.id,
          field: end.field,
          message: `khu/cụm "${end.id}" không có trong sites.geojson`,
        });
      }
    }
  });

  sites.features.forEach((f, index) => {
    const of = f.properties.expansionOf;
    if (of && !siteIds.has(of)) {
      issues.push({ file: 'sites.geojson', index, featureId: f.properties.id, field: 'properties.expansionOf', message: `khu/cụm "${of}" không có trong sites.geojson` });
    }
  });
  clearance.features.forEach((f, index) => {
    if (!siteIds.has(f.properties.siteId)) {
      issues.push({
        file: 'clearance.geojson',
        index,
        featureId: f.properties.id,
        field: 'properties.siteId',
        message: `khu/cụm "${f.properties.siteId}" không có trong sites.geojson`,
      });
    }
  });
  if (regionParsed.success) {
    const known = (doc: string) => doc in regionParsed.data.sources;
    const relocationIds = rawIds(files.relocations);
    regionParsed.data.targets.forEach((t, i) => {
      t.relocationIds?.forEach((id, k) => {
        if (!relocationIds.has(id)) {
          issues.push({ file: 'region.json', field: `targets.${i}.relocationIds.${k}`, message: `di dời "${id}" không có trong relocations.geojson` });
        }
      });
      t.siteIds?.forEach((id, k) => {
        if (!siteIds.has(id)) issues.push({ file: 'region.json', field: `targets.${i}.siteIds.${k}`, message: `khu/cụm "${id}" không có trong sites.geojson` });
      });
    });
    regionParsed.data.documentTables.forEach((tb, i) => {
      tb.siteIds.forEach((id, k) => {
        if (!siteIds.has(id)) issues.push({ file: 'region.json', field: `documentTables.${i}.siteIds.${k}`, message: `khu/cụm "${id}" không có trong sites.geojson` });
      });
      if (!known(tb.source.doc)) issues.push({ file: 'region.json', field: `documentTables.${i}.source.doc`, message: `nguồn "${tb.source.doc}" không có trong "sources"` });
    });
  }

  // story.json is optional; when present it is checked like the rest, slide by slide.
  let story: Story | null = null;
  if (files.story !== undefined) {
    const parsed = parseStory(files.story);
    const linkIssues = regionParsed.success
      ? checkSlides(parsed.slides, { region: regionParsed.data, siteIds, roadIds: rawIds(files.roads), relocationIds: rawIds(files.relocations) })
      : [];
    // In file order, so a planner reads them slide by slide.
    const storyIssues = [...parsed.issues, ...linkIssues].sort((a, b) => (a.slide ?? -1) - (b.slide ?? -1));
    for (const si of storyIssues) issues.push({ file: 'story.json', field: storyIssueField(si), message: si.message });
    story = parsed.story;
  }

  const tasks = parseTasks(files.tasks, issues);
  if (regionParsed.success) checkObligations(regionParsed.data, tasks, siteIds, issues);

  if (issues.length > 0 || !regionParsed.success) return { data: null, issues };
  return { data: { region: regionParsed.data, sites, roads, relocations, landmarks, clearance, story, tasks }, issues };
}

function rawIds(json: unknown): Set<string> {
  const features = (json as { features?: unknown } | null)?.features;
  const ids = new Set<string>();
  if (!Array.isArray(features)) return ids;
  for (const f of features) {
    const id = (f as { properties?: { id?: unknown } } | null)?.properties?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}
