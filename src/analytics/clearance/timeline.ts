// Cleared land over time, for the date slider (the replay). Two things are precomputed once per region
// so that a step of the slider only looks things up:
//  - the parcels' timeline: every dated parcel entry as a feature with the dates it stands for,
//    `from` (its own asOf) and `until` (the asOf of the same id's next entry). By rule 1 the entry
//    that counts as of D is the one with from ≤ D < until, so the map can draw any date with one
//    rule over these two properties, without a new GeoJSON per step (the map keeps one feature state
//    per entry and a step changes only the entries whose answer differs, timelineSteps.ts);
//  - the frames: the report's own figures (`ClearanceIndex.at`) at each date where the data changes.
//    Between two such dates no entry starts or ends, so the figures as of D are those of the last
//    frame on or before D (rule 1 again, through the same search).
// This module parses no geometry and imports no Turf: the timeline is built on the main thread when
// the slider opens; the frames come with the report (worker for large data).
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ClearanceStatus } from '../../domain/schema';
import type { ClearanceData, ClearanceIndex, ClearanceTotals } from './types';
import { historiesById, lastOnOrBefore, latestOnOrBefore } from './history';
import type { Entry } from './model';

/** `until` of an entry no later entry replaces: after every ISO date. */
export const OPEN_END = '9999-12-31';

export interface TimelineProps {
  /** the entry's place in the timeline (0, 1, …): the map's feature id. A number, because MapLibre keys
   *  feature state by number and would hash a string id (two entries could then share one). */
  id: number;
  parcelId: string;
  siteId: string;
  status: ClearanceStatus;
  sample: boolean;
  /** the entry counts from this date (its asOf)… */
  from: string;
  /** …until the day before this one (the next entry's asOf), or OPEN_END */
  until: string;
}

export type ParcelTimeline = FeatureCollection<Polygon | MultiPolygon, TimelineProps>;

const timelines = new WeakMap<object, { timeline: ParcelTimeline; histories: Map<string, Entry[]> }>();

function build(clearance: ClearanceData['clearance']) {
  let t = timelines.get(clearance);
  if (!t) {
    const histories = historiesById(clearance);
    const features: Feature<Polygon | MultiPolygon, TimelineProps>[] = [];
    for (const [parcelId, history] of histories) {
      history.forEach((e, i) => {
        const p = e.props;
        const g = e.geometry;
        if (p.kind !== 'parcel' || (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon')) return;
        const next = history[i + 1];
        features.push({
          type: 'Feature',
          geometry: g,
          properties: { id: features.length, parcelId, siteId: p.siteId, status: p.status, sample: p.sample, from: p.asOf, until: next ? next.props.asOf : OPEN_END },
        });
      });
    }
    t = { timeline: { type: 'FeatureCollection', features }, histories };
    timelines.set(clearance, t);
  }
  return t;
}

/** Every dated parcel entry with the span it stands for; memoised per clearance collection. */
export function parcelTimeline(clearance: ClearanceData['clearance']): ParcelTimeline {
  return build(clearance).timeline;
}

/** Rule 1 on a timeline feature: it is the parcel's counting entry as of `date`. */
export function shownAt(p: Pick<TimelineProps, 'from' | 'until'>, date: string): boolean {
  return p.from <= date && date < p.until;
}

/** A parcel's status as of `date` (its latest entry on or before it), or null when it has none yet. */
export function statusAt(clearance: ClearanceData['clearance'], parcelId: string, date: string): ClearanceStatus | null {
  const history = build(clearance).histories.get(parcelId);
  const e = history ? latestOnOrBefore(history, date) : null;
  return e && e.props.kind === 'parcel' ? e.props.status : null;
}

/** A site's figures in a frame. */
export interface FrameSite {
  clearedHa: number;
  inProgressHa: number;
  sample: boolean;
}

/** The report's figures as of a date where the clearance data changes. */
export interface ReplayFrame {
  date: string;
  province: ClearanceTotals;
  /** sites with clearance data as of the date (the targets' "sites behind the figure") */
  siteIds: string[];
  /** per site with data: its clean land and land being cleared */
  bySite: Record<string, FrameSite>;
}

/** One frame per date of the data, from the index the report uses (its own numbers, memoised). */
export function replayFrames(index: ClearanceIndex): ReplayFrame[] {
  return index.dates.map((date) => {
    const r = index.at(date);
    const used = r.bySite.filter((s) => s.method !== 'none');
    return {
      date,
      province: r.province,
      siteIds: used.map((s) => s.siteId),
      bySite: Object.fromEntries(used.map((s) => [s.siteId, { clearedHa: s.clearedHa, inProgressHa: s.inProgressHa, sample: s.sample }])),
    };
  });
}

/** The frame that holds as of `date`: the last one on or before it; null before the first. */
export function frameAt(frames: readonly ReplayFrame[], date: string): ReplayFrame | null {
  const i = lastOnOrBefore(frames, date, (f) => f.date);
  return i >= 0 ? frames[i]! : null;
}
