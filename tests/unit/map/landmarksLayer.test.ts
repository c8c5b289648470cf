import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { LANDMARK_KIND_COLORS, LANDMARK_KIND_RADIUS, landmarkLayers } from '../../../src/map/layers/landmarks';
import { COLORS } from '../../../src/map/theme';
import { CONNECTIVITY_KINDS } from '../../../src/analytics/connectivity';
import { vi } from '../../../src/i18n/messages';
import { en } from '../../../src/i18n/messagesEn';
const MESSAGES = { vi, en };

const layers = landmarkLayers({ lang: 'vi', fontRegular: 'Noto Sans Regular', fontBold: 'Noto Sans Bold', visible: true });
const style: StyleSpecification = {
  version: 8,
  glyphs: 'http://localhost/fonts/{fontstack}/{range}.pbf',
  sources: { landmarks: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
  layers,
};

describe('landmark layer', () => {
  it('passes the style-spec validator', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('gives each kind of landmark its own colour, apart from the site and road colours', () => {
    const colours = CONNECTIVITY_KINDS.map((k) => LANDMARK_KIND_COLORS[k]);
    expect(new Set(colours).size).toBe(CONNECTIVITY_KINDS.length);
    for (const c of [COLORS.kcn, COLORS.ccn, COLORS.connector, COLORS.relocation, COLORS.highlight]) {
      expect(colours).not.toContain(c);
    }
    const paint = JSON.stringify(layers.find((l) => l.id === 'landmarks-point')?.paint);
    for (const k of CONNECTIVITY_KINDS) expect(paint).toContain(`"${k}","${LANDMARK_KIND_COLORS[k]}"`);
  });

  it('draws the provincial centre and airports larger than the local landmarks', () => {
    expect(LANDMARK_KIND_RADIUS.centre).toBeGreaterThan(LANDMARK_KIND_RADIUS.station);
    expect(LANDMARK_KIND_RADIUS.airport).toBeGreaterThan(LANDMARK_KIND_RADIUS.interchange);
  });

  it('has a legend name for every kind in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const k of CONNECTIVITY_KINDS) expect(MESSAGES[lang][`landmark_${k}`]).toMatch(/\S/);
    }
  });
});
