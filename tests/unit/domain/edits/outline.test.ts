// A site's boundary taken from an imported file: applied as an `outline` edit, checked by the code of
// validate:data (a boundary outside the province or an open ring is refused), and present in the diff
// and in the JSON patch as one value.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import '../../../../src/domain/zodVietnamese';
import { readRegionFiles } from '../../../../scripts/regionFs';
import { applyEdits, type Edit } from '../../../../src/domain/edits/edits';
import { checkEdits } from '../../../../src/domain/edits/checkEdits';
import { diffRegionFiles } from '../../../../src/domain/edits/regionDiff';
import { applyRegionPatch, makeRegionPatch } from '../../../../src/domain/edits/jsonPatch';
import { prepareRegion } from '../../../../src/domain/prepare';
import { validateRegion } from '../../../../src/domain/validate';
import { geodesicAreaHa } from '../../../../src/geo/geodesic';

const base = readRegionFiles('lao-cai');
const SITE = 'lc-kcn-tang-loong';
type Site = { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };
const siteOf = (files: typeof base) => (files.sites as { features: Site[] }).features.find((f) => f.properties['id'] === SITE)!;
const [lon, lat] = siteOf(base).geometry.coordinates as [number, number];

/** A square of `d` degrees around a point. */
const square = (x: number, y: number, d: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]],
});
const source: Edit = { op: 'site-source', siteId: SITE, source: { doc: 'kh-2026', about: ['location'] } };

describe('a boundary from an imported file', () => {
  it('replaces the point, marks the quality, and the map draws it with its own area', () => {
    const outline = square(lon, lat, 0.01);
    const edits: Edit[] = [{ op: 'outline', siteId: SITE, geometry: outline, quality: 'surveyed' }, source];
    expect(checkEdits(base, [], edits).messages).toEqual([]);
    const edited = applyEdits(base, edits);
    expect(siteOf(edited).geometry).toEqual(outline);
    expect(siteOf(edited).properties['geometryQuality']).toBe('surveyed');
    expect(siteOf(base).geometry.type).toBe('Point');
    const region = prepareRegion(validateRegion(edited).data!);
    const drawn = region.siteOutlines.features.find((f) => f.properties.id === SITE)!;
    expect(drawn.properties.quality).toBe('surveyed');
    expect(drawn.properties.areaHa).toBeCloseTo(geodesicAreaHa(outline), 6);
  });

  it('is refused, with the validator’s message, outside the province or with a ring left open', () => {
    const far = checkEdits(base, [], [{ op: 'outline', siteId: SITE, geometry: square(lon + 5, lat, 0.01), quality: 'surveyed' }, source]);
    expect(far.ok).toBe(false);
    expect(far.issues.map((i) => i.field)).toEqual(['geometry']);
    const open = square(lon, lat, 0.01);
    open.coordinates[0]!.pop();
    open.coordinates[0]!.pop();
    const bad = checkEdits(base, [], [{ op: 'outline', siteId: SITE, geometry: open, quality: 'provisional' }, source]);
    expect(bad.ok).toBe(false);
    expect(bad.messages.join()).toMatch(/vòng đa giác/);
  });

  it('shows in the diff as one change of shape, and the JSON patch rebuilds it', () => {
    const outline = square(lon, lat, 0.01);
    const edited = applyEdits(base, [{ op: 'outline', siteId: SITE, geometry: outline, quality: 'provisional' }, source]);
    const site = diffRegionFiles(base, edited, new Map()).find((d) => d.id === SITE)!;
    const byField = Object.fromEntries(site.changes.map((c) => [c.field, c]));
    expect(byField['geometry.type']).toMatchObject({ before: 'Point', after: 'Polygon' });
    expect(byField['geometry.coordinates']).toMatchObject({ before: [lon, lat], after: outline.coordinates });
    expect(byField['properties.geometryQuality']).toMatchObject({ before: 'indicative', after: 'provisional' });
    const patch = makeRegionPatch('lao-cai', base, edited);
    expect(siteOf(applyRegionPatch(base, patch)).geometry).toEqual(outline);
  });
});
