// The replay's date on the map: a step of the slider sets the map's global state (the date, and the
// step's span for the emphasis; layers/clearance.ts), which MapLibre applies to the layers' filters
// without a new style or new data. Once the map has drawn the date, the store hears of it (the export
// waits for that); shortly after a step the emphasis of the parcels that changed fades.
import type { AppStore } from '../store/createAppStore';
import { REPLAY_STATE } from './layers/clearance';

/** What the stepper needs of the map (the bridge's MapPort has it). */
interface ReplayMap {
  setGlobalStateProperty?(name: string, value: unknown): unknown;
  on(type: 'idle', listener: () => void): unknown;
  off(type: 'idle', listener: () => void): unknown;
}

/** how long the parcels that changed in a step stay outlined */
export const EMPHASIS_MS = 1200;

export function replayStepper(map: ReplayMap, store: AppStore) {
  let shown: string | null = null;
  let fade: ReturnType<typeof setTimeout> | undefined;
  let onIdle: (() => void) | null = null;
  const set = (k: string, v: string) => {
    try {
      map.setGlobalStateProperty?.(k, v);
    } catch {
      // The style is not loaded yet: 'style.load' applies the state again.
    }
  };
  const waitDrawn = (at: string) => {
    if (onIdle) map.off('idle', onIdle);
    onIdle = () => {
      if (onIdle) map.off('idle', onIdle);
      onIdle = null;
      if (store.getState().replayAt === at) store.getState().setReplayDrawn(at);
    };
    map.on('idle', onIdle);
  };
  const apply = (at: string, lo: string, hi: string) => {
    set(REPLAY_STATE.lo, lo);
    set(REPLAY_STATE.hi, hi);
    set(REPLAY_STATE.at, at);
  };
  return {
    /** the slider moved: show `at`, outlining what changed since the date shown before */
    step(at: string | null) {
      clearTimeout(fade);
      if (at === null) {
        shown = null;
        return;
      }
      const prev = shown ?? at;
      shown = at;
      apply(at, prev < at ? prev : at, prev < at ? at : prev);
      waitDrawn(at);
      fade = setTimeout(() => {
        if (shown === at) apply(at, at, at);
      }, EMPHASIS_MS);
    },
    /** after a style change or reload: the state again (without emphasis) */
    reapply() {
      const at = store.getState().replayAt;
      if (at === null) return;
      shown = at;
      apply(at, at, at);
      waitDrawn(at);
    },
    destroy() {
      clearTimeout(fade);
      if (onIdle) map.off('idle', onIdle);
    },
  };
}
