import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString, Position } from 'geojson';
import { siteConnectivity } from '../../../src/analytics/connectivity';
import { prepareRegion, type PreparedRegion } from '../../../src/domain/prepare';
import { formatIssue, validateRegion } from '../../../src/domain/validate';
import { asFiles, miniRegion } from '../../fixtures/miniRegion';

// Independent reference: along a meridian the geodesic is the meridian, ∫ M(φ) dφ with
// M(φ) = a(1−e²)/(1−e² sin²φ)^{3/2} (WGS84), by Simpson's rule.
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const rad = (d: number) => (d * Math.PI) / 180;
function meridianArcM(lat1: number, lat2: number): number {
  const m = (phi: number) => (A * (1 - E2)) / Math.pow(1 - E2 * Math.sin(phi) ** 2, 1.5);
  const n = 200;
  const h = (rad(lat2) - rad(lat1)) / n;
  let s = m(rad(lat1)) + m(rad(lat2));
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * m(rad(lat1) + i * h);
  return (s * h) / 3;
}

type Feat = ReturnType<typeof miniRegion>['sites']['features'][number];
const SRC = [{ doc: 'plan', about: ['location'] }];

/** One cluster at (104.2, 22.1) known as a point, and a station 0.1° due north, on no road of the region. */
function region(): PreparedRegion {
  const m = miniRegion();
  const site: Feat = {
    type: 'Feature',
    properties: { id: 'c1', kind: 'ccn', name: { vi: 'Cụm Một', en: 'Cluster One' }, status: 'planned', commune: 'xã Thử', geometryQuality: 'indicative', locationConfidence: 'high', sources: SRC },
    geometry: { type: 'Point', coordinates: [104.2, 22.1] },
  };
  const station: Feat = {
    type: 'Feature',
    properties: { id: 'ga', kind: 'station', name: { vi: 'Ga Thử', en: 'Test station' }, locationConfidence: 'high', sources: SRC },
    geometry: { type: 'Point', coordinates: [104.2, 22.2] },
  };
  m.sites.features = [site];
  m.roads.features = [];
  m.relocations.features = [];
  m.landmarks.features = [station];
  const { data, issues } = validateRegion(asFiles(m));
  if (!data) throw new Error(issues.map(formatIssue).join('\n'));
  return prepareRegion(data);
}

function basemap(lines: Position[][]): FeatureCollection<LineString, { ref: string }> {
  return { type: 'FeatureCollection', features: lines.map((coordinates, i) => ({ type: 'Feature', properties: { ref: `ĐT.15${i}` }, geometry: { type: 'LineString', coordinates } })) };
}

// A provincial road up the meridian 104.2 from the cluster to the station, a vertex every 0.01°.
const meridian = Array.from({ length: 11 }, (_, i) => [104.2, 22.1 + i / 100]);
// A detour: east 0.05°, north, and back west: longer than the straight line by about 10 km.
const detour = [[104.2, 22.1], [104.25, 22.1], [104.25, 22.2], [104.2, 22.2]];

describe('connectivity along the basemap roads', () => {
  it('without the basemap roads, a site no road reaches is measured in a straight line', () => {
    const [row] = siteConnectivity(region(), 'c1');
    expect(row?.method).toBe('straight');
    expect(row?.basemapRoad).toBe(false);
    expect(row!.km * 1000).toBeCloseTo(meridianArcM(22.1, 22.2), 0);
  });

  it('with a basemap road reaching the site and the station, the distance runs along it and says so', () => {
    const [row] = siteConnectivity(region(), 'c1', { basemapRoads: basemap([meridian]) });
    expect(row?.method).toBe('road');
    expect(row?.basemapRoad).toBe(true);
    expect(row?.roadIds).toEqual(['basemap:ĐT.150']);
    expect(row!.km * 1000).toBeCloseTo(meridianArcM(22.1, 22.2), 0);
  });

  it('a detour along the basemap road is longer than the straight line, and measured as driven', () => {
    const [row] = siteConnectivity(region(), 'c1', { basemapRoads: basemap([detour]) });
    expect(row?.method).toBe('road');
    // east and west legs along parallels 22.1 and 22.2 (0.05° each, N·cosφ·Δλ) plus the meridian leg
    const parallel = (lat: number) => (A / Math.sqrt(1 - E2 * Math.sin(rad(lat)) ** 2)) * Math.cos(rad(lat)) * rad(0.05);
    const expected = parallel(22.1) + meridianArcM(22.1, 22.2) + parallel(22.2);
    expect(row!.km * 1000).toBeCloseTo(expected, -1);
    expect(row!.km).toBeGreaterThan(row!.straightKm + 9);
  });

  it('a basemap road passing 300 m from the site does not reach it: straight line as before', () => {
    const off = meridian.map(([x, y]) => [(x as number) + 0.003, y as number]);
    const [row] = siteConnectivity(region(), 'c1', { basemapRoads: basemap([off]) });
    expect(row?.method).toBe('straight');
    expect(row?.basemapRoad).toBe(false);
  });

  it('a station 660 m from the end of a basemap road (the basemap has no town streets) is reached, the gap counted', () => {
    const short = [...meridian.filter(([, y]) => (y as number) < 22.195), [104.2, 22.194]];
    const [row] = siteConnectivity(region(), 'c1', { basemapRoads: basemap([short]) });
    expect(row?.method).toBe('road');
    // the gap from the road's end to the station runs along the same meridian, so the total is the whole arc
    expect(row!.km * 1000).toBeCloseTo(meridianArcM(22.1, 22.2), 0);
    expect(row!.roadKm * 1000).toBeCloseTo(meridianArcM(22.1, 22.194), 0);
  });

  it('a path along basemap roads more than twice the straight line (a junction missing from the data) is not trusted', () => {
    const wide = [[104.2, 22.1], [104.3, 22.1], [104.3, 22.2], [104.2, 22.2]];
    const [row] = siteConnectivity(region(), 'c1', { basemapRoads: basemap([wide]) });
    expect(row?.method).toBe('straight');
    expect(row?.basemapRoad).toBe(false);
  });
});
