// The replay's stepper (map/replayState.ts) against a fake map that keeps feature state as MapLibre
// does: after any sequence of steps the entries marked shown are exactly those that count at the date
// (brute force over the timeline here), a step sets the state of the entries that change and no
// others, the entries that started counting are outlined for EMPHASIS_MS, a re-created source gets the
// whole date again, and the store hears once the map has drawn the date.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replayStepper, EMPHASIS_MS } from '../../../src/map/replayState';
import { createAppStore } from '../../../src/store/createAppStore';
import { parcelTimeline } from '../../../src/analytics/clearance/timeline';
import { laoCai } from '../../fixtures/laoCai';

class FakeMap {
  states = new Map<string, Record<string, unknown>>();
  calls = 0;
  source: object = {};
  idle: (() => void)[] = [];
  setFeatureState(f: { source: string; id: string }, s: Record<string, unknown>) {
    expect(f.source).toBe('clearance');
    this.calls++;
    this.states.set(f.id, { ...this.states.get(f.id), ...s });
  }
  removeFeatureState() {
    this.states.clear();
  }
  getSource(id: string) {
    return id === 'clearance' ? this.source : undefined;
  }
  on(_t: 'idle', fn: () => void) {
    this.idle.push(fn);
  }
  off(_t: 'idle', fn: () => void) {
    this.idle = this.idle.filter((h) => h !== fn);
  }
  fireIdle() {
    for (const h of [...this.idle]) h();
  }
  ids(key: string): number[] {
    return [...this.states].filter(([, s]) => s[key] === true).map(([id]) => Number(id)).sort((a, b) => a - b);
  }
}

const region = laoCai();
const timeline = parcelTimeline(region.data.clearance);

/** Brute force: the entries that count at the date, rule 1 written out. */
function countingAt(date: string): number[] {
  return timeline.features.filter((f) => f.properties.from <= date && date < f.properties.until).map((f) => f.properties.id).sort((a, b) => a - b);
}

function setup() {
  const map = new FakeMap();
  const store = createAppStore();
  store.getState().setRegion(region);
  const stepper = replayStepper(map, store);
  const go = (at: string | null) => {
    store.getState().setReplayAt(at);
    stepper.step(at);
  };
  return { map, store, stepper, go };
}

describe('replay stepper (feature state per timeline entry)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const dates = ['2025-12-31', '2026-03-31', '2026-01-15', '2026-07-15', '2026-05-01', '2026-11-22', '2026-11-22', '2026-02-01', '2027-06-01'];

  it('after each step, forwards and backwards, exactly the entries that count are shown', () => {
    const { map, go } = setup();
    for (const d of dates) {
      go(d);
      expect(map.ids('shown'), d).toEqual(countingAt(d));
    }
  });

  it('a step sets the state of the entries that change only, and outlines those that came on', () => {
    const { map, go } = setup();
    go('2026-05-01');
    for (const [a, b] of [
      ['2026-05-01', '2026-07-15'],
      ['2026-07-15', '2026-05-01'],
      ['2026-05-01', '2026-05-01'],
    ] as const) {
      vi.advanceTimersByTime(EMPHASIS_MS + 1); // the previous step's outline has faded
      const before = new Set(countingAt(a));
      const after = new Set(countingAt(b));
      const on = [...after].filter((i) => !before.has(i));
      const off = [...before].filter((i) => !after.has(i));
      map.calls = 0;
      go(b);
      // shown on/off for each changed entry, and the outline on for each that came on
      expect(map.calls, `${a} → ${b}`).toBe(on.length + off.length + on.length);
      expect(map.ids('changed'), `${a} → ${b}`).toEqual(on.sort((x, y) => x - y));
      if (a !== b) expect(on.length + off.length, `${a} → ${b}`).toBeGreaterThan(0);
      expect(on.length + off.length).toBeLessThan(timeline.features.length);
    }
  });

  it('the outline of a step fades after EMPHASIS_MS, and the next step replaces it', () => {
    const { map, go } = setup();
    go('2026-01-01');
    go('2026-07-15');
    const first = map.ids('changed');
    expect(first.length).toBeGreaterThan(0);
    vi.advanceTimersByTime(EMPHASIS_MS - 100);
    go('2026-11-22');
    const second = map.ids('changed');
    expect(second).toEqual(countingAt('2026-11-22').filter((i) => !countingAt('2026-07-15').includes(i)));
    // The fade of the first step does not take the second's outline away early.
    vi.advanceTimersByTime(200);
    expect(map.ids('changed')).toEqual(second);
    vi.advanceTimersByTime(EMPHASIS_MS);
    expect(map.ids('changed')).toEqual([]);
    expect(map.ids('shown')).toEqual(countingAt('2026-11-22'));
  });

  it('a re-created source (full style load) gets the whole date again, without outline', () => {
    const { map, store, stepper, go } = setup();
    go('2026-03-31');
    go('2026-07-15');
    map.source = {};
    map.states.clear();
    stepper.reapply();
    expect(map.ids('shown')).toEqual(countingAt('2026-07-15'));
    expect(map.ids('changed')).toEqual([]);
    // Leaving and entering again starts clean: no entry shown from before.
    go(null);
    store.getState().setReplayAt('2026-01-15');
    stepper.reapply();
    expect(map.ids('shown')).toEqual(countingAt('2026-01-15'));
  });

  it('the store hears the date once the map is idle after the step, and only for the date still wanted', () => {
    const { map, store, go } = setup();
    go('2026-03-31');
    expect(store.getState().replayDrawn).toBe(null);
    go('2026-07-15');
    map.fireIdle();
    expect(store.getState().replayDrawn).toBe('2026-07-15');
    go('2026-11-22');
    store.getState().setReplayAt('2026-01-01');
    map.fireIdle();
    expect(store.getState().replayDrawn).toBe('2026-07-15');
  });
});
