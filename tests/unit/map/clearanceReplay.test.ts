// The replay's layers: the style with the timeline is valid, and the filter MapLibre evaluates picks,
// at each date, exactly the entries rule 1 picks (analytics/clearance/timeline.ts › shownAt), and
// outlines those that changed within the step.
import { describe, expect, it } from 'vitest';
import { featureFilter, validateStyleMin, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from '../../../src/map/style';
import { allVisible } from '../../../src/domain/layers';
import { parcelTimeline, shownAt } from '../../../src/analytics/clearance/timeline';
import { REPLAY_SHOWN, REPLAY_STATE } from '../../../src/map/layers/clearance';
import { laoCai } from '../../fixtures/laoCai';

const region = laoCai();
const timeline = parcelTimeline(region.data.clearance);
const style = buildStyle({ basemap: { kind: 'embedded', baseUrl: 'http://x/basemap/' }, region, visible: allVisible(), lang: 'vi', replay: timeline });

function picks(filter: FilterSpecification, state: Record<string, string>): string[] {
  const f = featureFilter(filter, 'filter', state);
  return timeline.features
    .filter((x) => f.filter({ zoom: 12, globalState: state } as never, { type: 1, properties: x.properties, geometry: [] } as never))
    .map((x) => x.properties.id)
    .sort();
}

describe('clearance replay on the map', () => {
  it('the style with the timeline is valid and declares the replay state', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(Object.keys(style.state ?? {})).toEqual(expect.arrayContaining(Object.values(REPLAY_STATE)));
    expect(style.layers.map((l) => l.id)).toEqual(expect.arrayContaining(['clearance-fill', 'clearance-outline', 'clearance-changed']));
  });

  it.each(['2025-12-31', '2026-01-01', '2026-03-30', '2026-03-31', '2026-06-30', '2026-08-15', '2026-09-30', '2026-11-22'])(
    'as of %s the layer filter shows exactly the entries that count',
    (at) => {
      const expected = timeline.features.filter((x) => shownAt(x.properties, at)).map((x) => x.properties.id).sort();
      expect(picks(REPLAY_SHOWN, { [REPLAY_STATE.at]: at, [REPLAY_STATE.lo]: at, [REPLAY_STATE.hi]: at })).toEqual(expected);
    },
  );

  it('a step outlines the parcels whose entry started or ended within it, forwards and backwards', () => {
    const changed = style.layers.find((l) => l.id === 'clearance-changed') as { filter: FilterSpecification };
    const diff = (a: string, b: string) => {
      const before = new Map(timeline.features.filter((x) => shownAt(x.properties, a)).map((x) => [x.properties.parcelId, x.properties.id]));
      return timeline.features
        .filter((x) => shownAt(x.properties, b) && before.get(x.properties.parcelId) !== x.properties.id)
        .map((x) => x.properties.id)
        .sort();
    };
    const forward = picks(changed.filter, { [REPLAY_STATE.at]: '2026-07-15', [REPLAY_STATE.lo]: '2026-05-01', [REPLAY_STATE.hi]: '2026-07-15' });
    expect(forward.length).toBeGreaterThan(0);
    expect(forward).toEqual(diff('2026-05-01', '2026-07-15'));
    const back = picks(changed.filter, { [REPLAY_STATE.at]: '2026-05-01', [REPLAY_STATE.lo]: '2026-05-01', [REPLAY_STATE.hi]: '2026-07-15' });
    expect(back.length).toBeGreaterThan(0);
    expect(back).toEqual(diff('2026-07-15', '2026-05-01'));
    // No step, no emphasis.
    expect(picks(changed.filter, { [REPLAY_STATE.at]: '2026-07-15', [REPLAY_STATE.lo]: '2026-07-15', [REPLAY_STATE.hi]: '2026-07-15' })).toEqual([]);
  });
});
