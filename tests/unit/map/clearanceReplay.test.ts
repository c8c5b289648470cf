// The replay's layers: the style with the timeline is valid, reads no global state (a filter on it made
// MapLibre lay the source out again on every step), and its paint, evaluated as MapLibre does, draws an
// entry only when its feature state says it counts, and outlines it strongly only when it also changed.
import { describe, expect, it } from 'vitest';
import { createPropertyExpression, validateStyleMin, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from '../../../src/map/style';
import { allVisible } from '../../../src/domain/layers';
import { parcelTimeline } from '../../../src/analytics/clearance/timeline';
import { laoCai } from '../../fixtures/laoCai';

const region = laoCai();
const timeline = parcelTimeline(region.data.clearance);
const base = { basemap: { kind: 'embedded' as const, baseUrl: 'http://x/basemap/' }, region, visible: allVisible(), lang: 'vi' as const };
const style = buildStyle({ ...base, replay: timeline });
const layer = (id: string) => style.layers.find((l) => l.id === id) as LayerSpecification & { paint: Record<string, unknown> };

/** A paint value as MapLibre evaluates it for one feature in one feature state. */
function paint(layerId: string, property: string, state: Record<string, boolean>): unknown {
  const l = layer(layerId);
  // The reference's entry for these three (fill-opacity, line-width): numbers, data-driven, feature state allowed.
  const spec = { type: 'number', 'property-type': 'data-driven', expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] } };
  const compiled = createPropertyExpression(l.paint[property], property, spec as never);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  const f = timeline.features[0]!;
  return compiled.value.evaluate({ zoom: 12 } as never, { type: 'Polygon', properties: f.properties } as never, state);
}

describe('clearance replay on the map', () => {
  it('the style with the timeline is valid, and neither its filters nor its paint read global state', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.map((l) => l.id)).toEqual(expect.arrayContaining(['clearance-fill', 'clearance-outline', 'clearance-changed']));
    const clearance = style.layers.filter((l) => l.id.startsWith('clearance-'));
    for (const l of clearance) expect(JSON.stringify(l), l.id).not.toContain('global-state');
    for (const l of clearance) expect('filter' in l, l.id).toBe(false);
  });

  it('an entry is drawn only when its state says it counts (no state yet: not drawn)', () => {
    for (const state of [{}, { shown: false }, { shown: false, changed: true }] as Record<string, boolean>[]) {
      expect(paint('clearance-fill', 'fill-opacity', state), JSON.stringify(state)).toBe(0);
      expect(paint('clearance-outline', 'line-width', state), JSON.stringify(state)).toBe(0);
      expect(paint('clearance-changed', 'line-width', state), JSON.stringify(state)).toBe(0);
    }
    expect(paint('clearance-fill', 'fill-opacity', { shown: true })).toBe(0.55);
    expect(paint('clearance-outline', 'line-width', { shown: true })).toBe(1.2);
  });

  it('the strong outline is for an entry shown and changed in the step, not for one only shown', () => {
    expect(paint('clearance-changed', 'line-width', { shown: true })).toBe(0);
    expect(paint('clearance-changed', 'line-width', { shown: true, changed: false })).toBe(0);
    expect(paint('clearance-changed', 'line-width', { shown: true, changed: true })).toBe(4);
  });

  it('the timeline entries have distinct numeric ids (MapLibre hashes string ids for feature state)', () => {
    const ids = timeline.features.map((f) => f.properties.id);
    expect(ids.every((id) => Number.isInteger(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(style.sources['clearance']).toMatchObject({ promoteId: 'id' });
  });

  it('outside the replay the parcels are drawn as they are, whatever their state', () => {
    const today = buildStyle({ ...base, parcels: null });
    const fill = today.layers.find((l) => l.id === 'clearance-fill') as { paint: Record<string, unknown> };
    expect(fill.paint['fill-opacity']).toBe(0.55);
    expect(today.layers.some((l) => l.id === 'clearance-changed')).toBe(false);
  });
});
