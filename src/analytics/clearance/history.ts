// Rule 1 (history): an entry id may appear at several `asOf` dates; as of D the entry with the
// latest `asOf` ≤ D counts, later ones are ignored. The same id and date twice is a duplicate: the
// later one in the file wins, with a warning.
import type { FeatureCollection, Geometry } from 'geojson';
import type { ClearanceProperties } from '../../domain/schema';
import type { Entry, SiteInfo } from './model';
import type { ClearanceWarning } from './types';

/**
 * Groups the entries by id (each id's entries ascending by date) and hands each site the histories
 * of the ids that ever name it. Returns the distinct dates of entries of known sites, and a warning
 * per unknown site.
 */
export function groupHistories(
  clearance: FeatureCollection<Geometry | null, ClearanceProperties>,
  siteById: ReadonlyMap<string, SiteInfo>,
): { dates: string[]; unknownWarnings: ClearanceWarning[] } {
  const unknown = new Map<string, Set<string>>();
  const dateSet = new Set<string>();
  for (const [id, history] of historiesById(clearance)) {
    // Each site keeps the whole history of every id that ever names it; as of D the id counts at
    // the site of its latest entry (should an id move between sites, it is never counted twice).
    const named = history.length > 1 ? new Set<string>() : null;
    for (const e of history) {
      const s = e.props.siteId;
      if (!siteById.has(s)) {
        let u = unknown.get(s);
        if (!u) unknown.set(s, (u = new Set()));
        u.add(id);
        continue;
      }
      dateSet.add(e.props.asOf);
      if (!named) siteById.get(s)!.histories.push(history);
      else if (!named.has(s)) {
        named.add(s);
        siteById.get(s)!.histories.push(history);
      }
    }
  }
  const unknownWarnings: ClearanceWarning[] = [...unknown].map(([siteId, ids]) => ({
    kind: 'unknown-site',
    siteId,
    entryIds: [...ids].sort(),
  }));
  return { dates: [...dateSet].sort(), unknownWarnings };
}

/**
 * Each entry id with its history, ascending by date. The same id and date twice is a duplicate: the
 * later one in the file wins and is marked `duplicated`.
 */
export function historiesById(clearance: FeatureCollection<Geometry | null, ClearanceProperties>): Map<string, Entry[]> {
  // One list per id in file order; most ids have a single entry, so nothing more is built for them.
  const out = new Map<string, Entry[]>();
  clearance.features.forEach((f, order) => {
    const p = f.properties;
    const e: Entry = { props: p, geometry: f.geometry, order, duplicated: false };
    const h = out.get(p.id);
    if (h) h.push(e);
    else out.set(p.id, [e]);
  });
  for (const [id, h] of out) if (h.length > 1) out.set(id, ascendingOnce(h));
  return out;
}

/** Entries of one id in file order → ascending by date, one per date: of the same date twice, the later in the file (marked duplicated). */
function ascendingOnce(h: Entry[]): Entry[] {
  // A stable sort keeps file order within a date, so the last of each run of equal dates is the later one.
  const sorted = [...h].sort((a, b) => (a.props.asOf < b.props.asOf ? -1 : a.props.asOf > b.props.asOf ? 1 : 0));
  const out: Entry[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.props.asOf === e.props.asOf) out[out.length - 1] = { ...e, duplicated: true };
    else out.push(e);
  }
  return out;
}

/**
 * Rule 1 on any ascending dated list: the index of the last item dated on or before `asOf`, or -1.
 * The one search behind an entry's state, a parcel's status and a replay frame at a date.
 */
export function lastOnOrBefore<T>(sorted: readonly T[], asOf: string, dateOf: (item: T) => string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dateOf(sorted[mid]!) <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Rule 1: the entry with the latest `asOf` ≤ D; entries after D are ignored. */
export function latestOnOrBefore(history: readonly Entry[], asOf: string): Entry | null {
  const i = lastOnOrBefore(history, asOf, (e) => e.props.asOf);
  return i >= 0 ? history[i]! : null;
}

/** The entries that count for the site as of the date. */
export function entriesAsOf(site: SiteInfo, asOf: string): Entry[] {
  const used: Entry[] = [];
  for (const h of site.histories) {
    // The latest entry on or before the date; it counts here only if it names this site.
    const e = latestOnOrBefore(h, asOf);
    if (e && e.props.siteId === site.props.id) used.push(e);
  }
  return used;
}
