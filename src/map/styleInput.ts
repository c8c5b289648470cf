// What the bridge's style is made of, read from the store: a new style is built only when one of these
// changed (compared shallowly), not on every store change, and without a hand-kept list of checks.
import type { AppState } from '../store/state';
import { parcelTimeline, type ParcelTimeline } from '../analytics/clearance/timeline';
import { parcelsAsOf } from '../analytics/clearance/drawnParcels';

/** The timeline the map draws while replaying (memoised per region), or null outside the replay. */
export function replayTimelineOf(s: Pick<AppState, 'replayAt' | 'region'>): ParcelTimeline | null {
  return s.replayAt !== null && s.region ? parcelTimeline(s.region.data.clearance) : null;
}

/** Every part of the state the style reads (see connectMap's applyStyle). */
export function styleInputOf(s: AppState) {
  return {
    region: s.region,
    visible: s.visible,
    lang: s.lang,
    // Replaying, the map draws the parcels' timeline (built once per region) and the slider's steps
    // change only feature state (replayState.ts): neither is a style input, so a step builds no style.
    // Out of the replay, the parcels as of the report date, read from the file on this thread: drawn
    // as soon as the region is in, not once the report is back (memoised: the same object each call).
    parcels: s.replayAt === null && s.region ? parcelsAsOf(s.region.data.clearance, s.reportAsOf ?? s.region.data.region.asOf) : null,
    replay: replayTimelineOf(s),
    overview: s.overview,
    // Province names label the country-scale marks only.
    regions: s.overview ? s.regions : null,
    siteFilter: s.siteFilter,
    presenting: s.presenting,
    imports: s.imports,
    compare: s.compare,
    compareResult: s.compareResult,
    compareFocus: s.compareFocus,
    // While sketching the drawing tool shows the sketches; the style leaves them out, whatever they are.
    sketches: s.sketching ? null : s.sketches,
  };
}


/** Same keys, each value the same object (or primitive). */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}
