import { describe, expect, it } from 'vitest';
import { cspValue, regionDataOrigins } from '../../../src/app/contentSecurityPolicy';
import { ONLINE_STYLE_URL } from '../../../src/map/onlineStyle';

const directives = (value: string) => new Map(value.split('; ').map((d) => { const [k, ...v] = d.split(' '); return [k!, v]; }));

describe('Content-Security-Policy', () => {
  it('allows no inline script and no eval, and lets the app reach the online basemap it offers', () => {
    const d = directives(cspValue());
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(cspValue()).not.toMatch(/unsafe-eval/);
    // Inline is allowed for style attributes alone (Chromium's error page for broken XML), never for scripts.
    expect([...d].filter(([, v]) => v.includes("'unsafe-inline'")).map(([k]) => k)).toEqual(['style-src-attr']);
    expect(d.get('connect-src')).toContain(new URL(ONLINE_STYLE_URL).origin);
    expect(d.get('object-src')).toEqual(["'none'"]);
  });

  it('adds the CDN a region reads its parcel tiles from, and only https ones', () => {
    const origins = regionDataOrigins([
      { parcelTiles: { url: 'https://cdn.example.vn/lao-cai/thua-dat.pmtiles', layer: 'parcels' } },
      { parcelTiles: { url: 'tiles/thua-dat.pmtiles', layer: 'parcels' } },
      { parcelTiles: { url: 'http://insecure.example.vn/x.pmtiles', layer: 'parcels' } },
      { name: 'no tiles' },
      null,
    ]);
    expect(origins).toEqual(['https://cdn.example.vn']);
    expect(directives(cspValue(origins)).get('connect-src')).toEqual(["'self'", 'https://tiles.openfreemap.org', 'https://cdn.example.vn']);
    // Nothing else widens.
    expect(directives(cspValue(origins)).get('img-src')).not.toContain('https://cdn.example.vn');
  });
});
