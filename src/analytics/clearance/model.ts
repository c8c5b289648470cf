// What the clearance modules share: an entry of clearance.geojson with its parsed geometry, a site
// with its histories and outline, a parcel as a member of a dissolve.
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { ClearanceProperties, ClearanceStatus, SiteProperties } from '../../domain/schema';
import { geodesicAreaHa } from '../../geo/geodesic';
import { inspectPolygon, spoilsArea, type ValidityProblem } from '../../geo/polygonValidity';
import type { SegmentGrid } from '../../geo/segmentGrid';
import type { Shape } from '../../geo/shape';
import type { InvalidGeometryReason, SiteClearance } from './types';

export type Strategy = 'components' | 'union-all';

export interface Entry {
  props: ClearanceProperties;
  geometry: Geometry | null;
  /** position in the file: breaks ties between duplicates (the later one wins) */
  order: number;
  duplicated: boolean;
  /** parsed parcel geometry, on first use */
  shape?: ShapeResult;
}

export interface SiteInfo {
  props: SiteProperties;
  outline: Polygon | MultiPolygon | null;
  /** parsed outline, on first use */
  outlineShape?: ShapeResult;
  outlineIndex?: SegmentGrid;
  outlineAreaHa?: number;
  /** per signature of the entries used */
  memo: Map<string, SiteClearance>;
  /** entry ids of this site, each with its history ascending by date */
  histories: Entry[][];
}

export type ShapeResult = { ok: true; shape: Shape } | { ok: false; reason: InvalidGeometryReason; at?: [number, number] };

/** Parse and check a parcel or outline with the one validity checker; the first fault refuses it. */
export function parseShape(g: unknown): ShapeResult {
  // one crossing is enough to refuse it: no need to find them all
  const { problems, shape } = inspectPolygon(g, { maxCrossings: 1 });
  const fault = problems.find((p): p is Exclude<ValidityProblem, { kind: 'unclosed' }> => spoilsArea(p));
  if (fault) {
    const at = 'at' in fault ? fault.at : undefined;
    return { ok: false, reason: fault.kind, ...(at ? { at } : {}) };
  }
  return { ok: true, shape: shape! };
}

export type Parcel = Entry & { props: Extract<ClearanceProperties, { kind: 'parcel' }> };
export type RecordEntry = Entry & { props: Extract<ClearanceProperties, { kind: 'record' }> };

export type Status = ClearanceStatus;
export const STATUSES: readonly Status[] = ['cleared', 'in-progress', 'not-started'];

export interface Member {
  entry: Parcel;
  shape: Shape;
}

export interface Sums {
  cleared: number;
  'in-progress': number;
  'not-started': number;
}

export function outlineAreaHa(site: SiteInfo): number | null {
  if (!site.outline) return null;
  if (site.outlineAreaHa === undefined) site.outlineAreaHa = geodesicAreaHa(site.outline);
  return site.outlineAreaHa;
}

export function uniqueDocs(entries: readonly Entry[]): string[] {
  const docs = new Set<string>();
  for (const e of entries) for (const s of e.props.sources) docs.add(s.doc);
  return [...docs];
}

export function freeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (Array.isArray(v)) Object.freeze(v);
  return Object.freeze(o);
}
