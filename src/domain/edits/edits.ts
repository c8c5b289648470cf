// A staff member's changes to a region's data, kept as a list of small edits over the shipped files.
// The list (not the edited files) is what the browser keeps: it stays small, and it re-applies to the
// shipped data of the next release. Applying is pure: the shipped files are never changed.
import type { MultiPolygon, Polygon } from 'geojson';
import type { RegionFiles } from '../types';
import type { SourceRef } from '../schemaFields';

/** The site fields the editor form offers: the attributes staff keep up to date, investor figures first. */
export const EDITABLE_SITE_FIELDS = [
  'status',
  'declaredAreaHa',
  'investor',
  'commune',
  'occupancyPct',
  'leasedHa',
  'availableHa',
  'enterprises',
  'industries',
  'infrastructure',
  'investmentBnVnd',
  'wastewater',
] as const;
export type EditableSiteField = (typeof EDITABLE_SITE_FIELDS)[number];

/** Fields holding Vietnamese and English text ({vi, en}); the rest hold a number or a single string. */
export const LOCALIZED_FIELDS: ReadonlySet<EditableSiteField> = new Set(['industries', 'infrastructure']);
export const NUMBER_FIELDS: ReadonlySet<EditableSiteField> = new Set([
  'declaredAreaHa',
  'occupancyPct',
  'leasedHa',
  'availableHa',
  'enterprises',
  'investmentBnVnd',
]);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/** A document to add to region.json › sources (e.g. a commune's monthly report). */
export interface NewDocument {
  title: { vi: string; en: string };
  issuer?: string;
  date?: string;
}

export interface ProgressRecord {
  siteId: string;
  asOf: string;
  clearedHa: number;
  inProgressHa?: number;
  remainingHa?: number;
  /** the report the figures come from: an id of region.json › sources */
  doc: string;
  where?: string;
}

export type Edit =
  /** set a site's field; null removes it */
  | { op: 'site-field'; siteId: string; field: EditableSiteField; value: JsonValue }
  /** the source backing the site's figures just set */
  | { op: 'site-source'; siteId: string; source: SourceRef }
  | { op: 'move'; siteId: string; point: [number, number] }
  /** a polygon of an imported file (KML, GeoJSON, Shapefile…) becomes the site's boundary */
  | { op: 'outline'; siteId: string; geometry: Polygon | MultiPolygon; quality: 'surveyed' | 'provisional' }
  | { op: 'document'; id: string; doc: NewDocument }
  | { op: 'progress'; record: ProgressRecord }
  /** a task reported done as of a date (done null reopens it) */
  | { op: 'task-done'; taskId: string; done: { asOf: string; source: { doc: string; where: string } } | null };

type Json = Record<string, unknown>;
type FeatureJson = { type?: unknown; geometry?: unknown; properties?: Json };

const clone = <T>(v: T): T => structuredClone(v);

function features(fc: unknown): FeatureJson[] | null {
  const list = (fc as { features?: unknown } | null)?.features;
  return Array.isArray(list) ? (list as FeatureJson[]) : null;
}

function siteFeature(files: RegionFiles, siteId: string): FeatureJson | undefined {
  return features(files.sites)?.find((f) => f.properties?.['id'] === siteId);
}

/** The id of a progress record in clearance.geojson: one per site, repeated at each date. */
export function progressRecordId(siteId: string): string {
  return `${siteId}-tien-do`;
}

function applyOne(files: RegionFiles, e: Edit): void {
  switch (e.op) {
    case 'site-field': {
      const p = siteFeature(files, e.siteId)?.properties;
      if (!p) return;
      if (e.value === null) delete p[e.field];
      else p[e.field] = e.value;
      return;
    }
    case 'site-source': {
      const p = siteFeature(files, e.siteId)?.properties;
      if (!p) return;
      const list = Array.isArray(p['sources']) ? (p['sources'] as SourceRef[]) : [];
      // The same document for the same place adds its fields to the existing reference.
      const same = list.find((s) => s.doc === e.source.doc && s.where === e.source.where);
      if (same) same.about = [...new Set([...same.about, ...e.source.about])];
      else list.push(clone(e.source));
      p['sources'] = list;
      return;
    }
    case 'move': {
      const f = siteFeature(files, e.siteId);
      if (f) f.geometry = { type: 'Point', coordinates: [...e.point] };
      return;
    }
    case 'outline': {
      // The drawn boundary replaces the point (the map marks the site at its centre) and says how sure it is.
      const f = siteFeature(files, e.siteId);
      if (!f?.properties) return;
      f.geometry = clone(e.geometry);
      f.properties['geometryQuality'] = e.quality;
      return;
    }
    case 'document': {
      const region = files.region as { sources?: Record<string, unknown> } | null;
      if (!region || typeof region !== 'object') return;
      region.sources = { ...(region.sources ?? {}), [e.id]: { ...clone(e.doc), title: clone(e.doc.title) } };
      return;
    }
    case 'progress': {
      const r = e.record;
      const clearance = (files.clearance as { features?: unknown[] } | undefined) ?? { type: 'FeatureCollection', features: [] };
      const list = Array.isArray(clearance.features) ? clearance.features : [];
      const id = progressRecordId(r.siteId);
      const props: Json = { kind: 'record', id, siteId: r.siteId, asOf: r.asOf, sample: false, clearedHa: r.clearedHa };
      if (r.inProgressHa !== undefined) props['inProgressHa'] = r.inProgressHa;
      if (r.remainingHa !== undefined) props['remainingHa'] = r.remainingHa;
      props['sources'] = [{ doc: r.doc, ...(r.where ? { where: r.where } : {}), about: ['clearance'] }];
      // A second record for the same site and date replaces the first (a corrected report).
      const at = list.findIndex((f) => {
        const p = (f as FeatureJson).properties;
        return p?.['id'] === id && p['asOf'] === r.asOf;
      });
      const feature = { type: 'Feature', geometry: null, properties: props };
      if (at >= 0) list[at] = feature;
      else list.push(feature);
      files.clearance = { ...clearance, type: 'FeatureCollection', features: list };
      return;
    }
    case 'task-done': {
      const tasks = (files.tasks as { tasks?: Json[] } | undefined)?.tasks;
      const t = tasks?.find((x) => x['id'] === e.taskId);
      if (!t) return;
      if (e.done) t['done'] = clone(e.done);
      else delete t['done'];
      return;
    }
  }
}

/** The shipped files with the edits applied in order; the input is left as it was. */
export function applyEdits(base: RegionFiles, edits: readonly Edit[]): RegionFiles {
  const files = clone(base);
  for (const e of edits) applyOne(files, e);
  return files;
}

/** A slug for a new document id from its title: "Báo cáo 12/BC-UBND xã Gia Phú" → "bao-cao-12-bc-ubnd-xa-gia-phu". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
