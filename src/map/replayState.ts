// The replay's date on the map: the clearance source holds the parcels' timeline, one feature per
// dated entry, and the layers draw an entry by its feature state (layers/clearance.ts). A step of the
// slider sets the state of the entries whose answer to rule 1 differs between the date shown and the
// new one (analytics/clearance/timelineSteps.ts: two binary searches, then those entries only), and
// marks the ones that started counting as changed for EMPHASIS_MS. Once the map has drawn the date,
// the store hears of it (the export waits for that).
//
// What the map's feature state holds is remembered (source object, timeline, date): a source MapLibre
// re-created (a full style load) starts without state and gets the whole date again; a step on the
// same source and timeline sends the difference only.
import { SOURCE } from './layers/common';
import { REPLAY_FEATURE_STATE } from './layers/clearance';
import { replayTimelineOf } from './styleInput';
import type { AppStore } from '../store/createAppStore';
import type { ParcelTimeline } from '../analytics/clearance/timeline';
import { shownIndices, spanIndex, stepChanges, type SpanIndex } from '../analytics/clearance/timelineSteps';

/** What the stepper needs of the map (the bridge's MapPort has it). */
interface ReplayMap {
  setFeatureState(feature: { source: string; id: string }, state: Record<string, unknown>): void;
  removeFeatureState?(feature: { source: string }): void;
  getSource(id: string): unknown;
  triggerRepaint?(): void;
  on(type: 'idle', listener: () => void): unknown;
  off(type: 'idle', listener: () => void): unknown;
}

/** how long the parcels that changed in a step stay outlined */
export const EMPHASIS_MS = 1200;

const indexes = new WeakMap<ParcelTimeline, SpanIndex>();
function indexOf(timeline: ParcelTimeline): SpanIndex {
  let index = indexes.get(timeline);
  if (!index) {
    index = spanIndex(timeline.features.map((f) => f.properties));
    indexes.set(timeline, index);
  }
  return index;
}

export function replayStepper(map: ReplayMap, store: AppStore) {
  /** what the map's feature state shows now, or null when unknown (then the whole date is sent) */
  let applied: { source: unknown; timeline: ParcelTimeline; date: string } | null = null;
  /** entries marked changed */
  let emphasised: number[] = [];
  let fade: ReturnType<typeof setTimeout> | undefined;
  let onIdle: (() => void) | null = null;
  const set = (id: number, state: Record<string, boolean>) => map.setFeatureState({ source: SOURCE.clearance, id: String(id) }, state);

  const waitDrawn = (at: string) => {
    if (onIdle) map.off('idle', onIdle);
    onIdle = () => {
      if (onIdle) map.off('idle', onIdle);
      onIdle = null;
      if (store.getState().replayAt === at) store.getState().setReplayDrawn(at);
    };
    map.on('idle', onIdle);
    // A step that changes no entry sets no state, and MapLibre would not draw (nor go idle) again.
    map.triggerRepaint?.();
  };

  const emphasise = (ids: number[]) => {
    const keep = new Set(ids);
    for (const i of emphasised) if (!keep.has(i)) set(i, { [REPLAY_FEATURE_STATE.changed]: false });
    for (const i of ids) set(i, { [REPLAY_FEATURE_STATE.changed]: true });
    emphasised = ids;
  };

  /** Brings the map's feature state to `at`; `outline` marks the entries that started counting. */
  const show = (at: string, outline: boolean) => {
    const timeline = replayTimelineOf(store.getState());
    const source = map.getSource(SOURCE.clearance);
    if (!timeline || !source) {
      applied = null;
      return;
    }
    const index = indexOf(timeline);
    try {
      let on: number[];
      if (applied && applied.source === source && applied.timeline === timeline) {
        const c = stepChanges(index, applied.date, at);
        for (const i of c.off) set(i, { [REPLAY_FEATURE_STATE.shown]: false });
        for (const i of c.on) set(i, { [REPLAY_FEATURE_STATE.shown]: true });
        on = c.on;
      } else {
        // Unknown state (a new source, another timeline, or a replay entered again): start clean.
        map.removeFeatureState?.({ source: SOURCE.clearance });
        emphasised = [];
        on = shownIndices(index, at);
        for (const i of on) set(i, { [REPLAY_FEATURE_STATE.shown]: true });
        outline = false;
      }
      emphasise(outline ? on : []);
      applied = { source, timeline, date: at };
    } catch {
      // The style is not loaded yet: 'style.load' applies the date again.
      applied = null;
      emphasised = [];
    }
  };

  return {
    /** the slider moved: show `at`, outlining what changed since the date shown before */
    step(at: string | null) {
      clearTimeout(fade);
      if (at === null) {
        applied = null;
        emphasised = [];
        return;
      }
      show(at, true);
      waitDrawn(at);
      fade = setTimeout(() => {
        if (applied?.date !== at) return;
        try {
          emphasise([]);
        } catch {
          emphasised = [];
        }
      }, EMPHASIS_MS);
    },
    /** after a style change or reload: the date again (without emphasis) */
    reapply() {
      const at = store.getState().replayAt;
      if (at === null) return;
      show(at, false);
      waitDrawn(at);
    },
    destroy() {
      clearTimeout(fade);
      if (onIdle) map.off('idle', onIdle);
    },
  };
}
