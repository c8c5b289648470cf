import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import {
  CONNECTIVITY_KINDS,
  connectivityIndex,
  siteConnectivity,
  siteToLandmark,
  type ConnectivityRow,
} from '../../../src/analytics/connectivity';
import { geodesicDistanceM, geodesicLengthM } from '../../../src/geo/geodesic';
import { prepareRegion, type PreparedRegion } from '../../../src/domain/prepare';
import { formatIssue, validateRegion } from '../../../src/domain/validate';
import { asFiles, miniRegion } from '../../fixtures/miniRegion';
import { laoCai } from '../../fixtures/laoCai';

// ---------------------------------------------------------------------------------------------
// Independent references on the WGS84 ellipsoid, using nothing from src/:
// - along a meridian the geodesic is the meridian itself, whose length is ∫ M(φ) dφ with the
//   meridional radius of curvature M(φ) = a(1−e²)/(1−e² sin²φ)^{3/2}, integrated here by Simpson's rule;
// - between two points of one parallel a few km apart the geodesic and the parallel differ by
//   about L³·tan²φ/(24N²) ≈ 2·10⁻⁵ m for L = 5 km, so the parallel's length N(φ)·cosφ·Δλ serves,
//   with N(φ) = a/√(1−e² sin²φ);
// - for long lines, the haversine distance on the mean-radius sphere is within 0.5% of the geodesic.
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const rad = (deg: number) => (deg * Math.PI) / 180;

function meridianArcM(lat1: number, lat2: number): number {
  const m = (phi: number) => (A * (1 - E2)) / Math.pow(1 - E2 * Math.sin(phi) ** 2, 1.5);
  const n = 200;
  const h = (rad(lat2) - rad(lat1)) / n;
  let s = m(rad(lat1)) + m(rad(lat2));
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * m(rad(lat1) + i * h);
  return (s * h) / 3;
}

function parallelArcM(lat: number, dLonDeg: number): number {
  const phi = rad(lat);
  return (A / Math.sqrt(1 - E2 * Math.sin(phi) ** 2)) * Math.cos(phi) * rad(dLonDeg);
}

/** the longitude step that spans `metres` along the parallel `lat` */
function lonStepFor(metres: number, lat: number): number {
  return metres / parallelArcM(lat, 1);
}

function haversineM(p: Position, q: Position): number {
  const R = 6371008.8;
  const [lon1, lat1] = p as [number, number];
  const [lon2, lat2] = q as [number, number];
  const h = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

// ---------------------------------------------------------------------------------------------
// A small made-up network (lon, lat), drawn in the mini region:
//
//   S1 (station) ●────── r-east ──────┐ (22.05)          r-detour runs east along 22.0 to 104.2,
//                                     │                  north to 22.05 and back west to S1: longer.
//   I1 (interchange) ●── r-spur ──┐50 m gap              r-spur starts 50 m east of r-north: joined.
//   G1 (border gate) ●── r-far ───┐ 150 m gap            r-far starts 150 m east: not joined.
//                                     │ r-north (meridian 104.1, vertices every 0.01°)
//   S2 (station) ●━━━━ railway ━━━━━━ ● site A (104.1, 22.0)
//
//   site B: a surveyed 0.01° square at 104.3–104.31 / 22.3–22.31, crossed by r-through (no vertex
//   inside) which ends at airport P1; airport P2 lies off any road. Site D: no road near it.

type Fc = ReturnType<typeof miniRegion>['sites'];
type Feat = Fc['features'][number];
const SRC = [{ doc: 'plan', about: ['location'] }];

function road(
  id: string,
  coordinates: Position[],
  o: { role?: string; quality?: string; status?: string } = {},
): Feat {
  return {
    type: 'Feature',
    properties: {
      id,
      role: o.role ?? 'connector',
      name: { vi: `Đường ${id}`, en: `Road ${id}` },
      status: o.status ?? 'operating',
      geometryQuality: o.quality ?? 'surveyed',
      sources: SRC,
    },
    geometry: { type: 'LineString', coordinates },
  };
}

function landmark(id: string, kind: string, at: Position, confidence = 'high'): Feat {
  return {
    type: 'Feature',
    properties: { id, kind, name: { vi: `Mốc ${id}`, en: `Landmark ${id}` }, locationConfidence: confidence, sources: SRC },
    geometry: { type: 'Point', coordinates: at },
  };
}

function site(id: string, geometry: unknown, confidence = 'high'): Feat {
  return {
    type: 'Feature',
    properties: {
      id,
      kind: 'ccn',
      name: { vi: `Cụm ${id}`, en: `Cluster ${id}` },
      status: 'planned',
      commune: 'xã Thử',
      geometryQuality: (geometry as { type?: string } | null)?.type === 'Polygon' ? 'surveyed' : 'indicative',
      locationConfidence: confidence,
      sources: SRC,
    },
    geometry,
  };
}

function build(sites: Feat[], roads: Feat[], landmarks: Feat[]): PreparedRegion {
  const m = miniRegion();
  m.sites.features = sites;
  m.roads.features = roads;
  m.relocations.features = [];
  m.landmarks.features = landmarks;
  const { data, issues } = validateRegion(asFiles(m));
  if (!data) throw new Error(issues.map(formatIssue).join('\n'));
  return prepareRegion(data);
}

const A_AT: Position = [104.1, 22.0];
const S1: Position = [104.15, 22.05];
const S2: Position = [104.0, 22.0];
const SPUR_GAP = lonStepFor(50, 22.03);
const FAR_GAP = lonStepFor(150, 22.02);
const I1: Position = [104.13, 22.03];
const G1: Position = [104.13, 22.02];
const P1: Position = [104.32, 22.305];
const P2: Position = [104.3, 22.36];
const Z: Position = [104.45, 22.45];

const north = [0, 1, 2, 3, 4, 5].map((i) => [104.1, 22.0 + i / 100]);
const network = () =>
  build(
    [
      site('a', { type: 'Point', coordinates: A_AT }),
      site('b', { type: 'Polygon', coordinates: [[[104.3, 22.3], [104.31, 22.3], [104.31, 22.31], [104.3, 22.31], [104.3, 22.3]]] }),
      site('c', null),
      site('d', { type: 'Point', coordinates: [104.4, 22.4] }, 'low'),
    ],
    [
      road('r-north', north),
      road('r-east', [[104.1, 22.05], S1]),
      road('r-detour', [A_AT, [104.2, 22.0], [104.2, 22.05], S1]),
      road('r-spur', [[104.1 + SPUR_GAP, 22.03], I1], { quality: 'indicative', status: 'under-construction' }),
      road('r-far', [[104.1 + FAR_GAP, 22.02], G1]),
      road('r-rail', [A_AT, S2], { role: 'railway' }),
      road('r-through', [[104.29, 22.305], P1]),
    ],
    [
      landmark('s1', 'station', S1),
      landmark('s2', 'station', S2),
      landmark('i1', 'interchange', I1),
      landmark('g1', 'border-gate', G1, 'low'),
      landmark('p1', 'airport', P1),
      landmark('p2', 'airport', P2, 'medium'),
      landmark('z', 'centre', Z, 'medium'),
    ],
  );

const rowOf = (rows: ConnectivityRow[], kind: ConnectivityRow['kind']) => {
  const r = rows.find((x) => x.kind === kind);
  if (!r) throw new Error(`no ${kind} row`);
  return r;
};
const MM = 1e-6; // km

describe('geodesic distance helper', () => {
  it('measures a stretch of meridian as the meridian arc of the WGS84 ellipsoid', () => {
    expect(geodesicDistanceM([104.1, 22.0], [104.1, 22.05])).toBeCloseTo(meridianArcM(22.0, 22.05), 3);
    // one minute of latitude at 22°N is about 1,843 m (the nautical mile is its mean value, 1,852 m)
    const minute = geodesicDistanceM([104, 22], [104, 22 + 1 / 60]);
    expect(minute).toBeCloseTo(meridianArcM(22, 22 + 1 / 60), 3);
    expect(minute).toBeGreaterThan(1840);
    expect(minute).toBeLessThan(1846);
  });

  it('stays within half a percent of the spherical haversine distance over 200 km', () => {
    const p: Position = [104.1443, 22.29499];
    const q: Position = [105.80306, 21.21389];
    const ratio = geodesicDistanceM(p, q) / haversineM(p, q);
    expect(Math.abs(ratio - 1)).toBeLessThan(0.005);
  });

  it('adds up a polyline segment by segment', () => {
    expect(geodesicLengthM(north)).toBeCloseTo(meridianArcM(22.0, 22.05), 3);
  });
});

describe('connectivity along a made-up road network', () => {
  const region = network();

  it('follows the roads from a site to a landmark, by the shortest of two routes', () => {
    const r = siteToLandmark(region, 'a', 's1');
    expect(r).not.toBeNull();
    expect(r!.method).toBe('road');
    // 0.05° north along the meridian, then 0.05° east along the parallel 22.05°N
    const expected = (meridianArcM(22.0, 22.05) + parallelArcM(22.05, 0.05)) / 1000;
    expect(r!.km).toBeCloseTo(expected, 6);
    expect(r!.roadKm).toBeCloseTo(expected, 6);
    expect(r!.roadIds).toEqual(['r-north', 'r-east']);
    expect(r!.indicative).toBe(false);
    expect(r!.reasons).toEqual([]);
    expect(r!.unbuiltRoad).toBe(false);
    // the straight line is the geodesic between the two ends, shorter than the road
    expect(r!.straightKm).toBeCloseTo(geodesicDistanceM(A_AT, S1) / 1000, 9);
    expect(r!.straightKm).toBeLessThan(r!.km);
  });

  it('joins a road that ends within 100 m of another and counts the gap', () => {
    const r = rowOf(siteConnectivity(region, 'a'), 'interchange');
    expect(r.landmarkId).toBe('i1');
    expect(r.method).toBe('road');
    // 0.03° north, the 50 m gap east, then the spur east to 104.13: together 0.03° of the parallel
    const expected = (meridianArcM(22.0, 22.03) + parallelArcM(22.03, 0.03)) / 1000;
    expect(Math.abs(r.km - expected)).toBeLessThan(MM);
    expect(r.roadKm).toBeCloseTo(expected - 0.05, 5);
    expect(r.roadIds).toEqual(['r-north', 'r-spur']);
    // the spur is drawn only indicatively and is not built yet
    expect(r.indicative).toBe(true);
    expect(r.reasons).toEqual(['road-geometry']);
    expect(r.unbuiltRoad).toBe(true);
  });

  it('does not join a road that ends 150 m away, and falls back to the straight line', () => {
    const r = rowOf(siteConnectivity(region, 'a'), 'border-gate');
    expect(r.landmarkId).toBe('g1');
    expect(r.method).toBe('straight');
    expect(r.roadIds).toEqual([]);
    expect(r.roadKm).toBe(0);
    expect(r.km).toBe(r.straightKm);
    expect(Math.abs(r.km * 1000 / haversineM(A_AT, G1) - 1)).toBeLessThan(0.005);
    // the border gate's own location is uncertain
    expect(r.reasons).toEqual(['landmark-location']);
  });

  it('never routes along a railway line', () => {
    const r = siteToLandmark(region, 'a', 's2')!;
    expect(r.method).toBe('straight');
    expect(r.km * 1000).toBeCloseTo(parallelArcM(22.0, 0.1), 1);
  });

  it('picks the landmark of each kind with the smallest distance shown', () => {
    // S2: 10.32 km in a straight line (no road); S1: 10.69 km by road (7.6 km in a straight line)
    const r = rowOf(siteConnectivity(region, 'a'), 'station');
    expect(r.landmarkId).toBe('s2');
    expect(r.km * 1000).toBeCloseTo(parallelArcM(22.0, 0.1), 1);
  });

  it('reaches a site through a road that crosses its outline without a vertex inside', () => {
    const r = rowOf(siteConnectivity(region, 'b'), 'airport');
    expect(r.landmarkId).toBe('p1');
    expect(r.method).toBe('road');
    // from the square's centre (104.305, 22.305) east along the road to 104.32
    expect(Math.abs(r.km - parallelArcM(22.305, 0.015) / 1000)).toBeLessThan(MM);
    expect(r.roadIds).toEqual(['r-through']);
    expect(r.indicative).toBe(false);
  });

  it('gives one row per kind that has landmarks, in a fixed order, measured from where the site is', () => {
    const rows = siteConnectivity(region, 'a');
    expect(rows.map((r) => r.kind)).toEqual([...CONNECTIVITY_KINDS]);
    const centre = rowOf(rows, 'centre');
    expect(centre.method).toBe('straight');
    expect(Math.abs(centre.km * 1000 / haversineM(A_AT, Z) - 1)).toBeLessThan(0.005);
    expect(centre.name.vi).toBe('Mốc z');
  });

  it('never shows a road distance shorter than the straight line', () => {
    for (const rows of Object.values(connectivityIndex(region))) {
      for (const r of rows) expect(r.km).toBeGreaterThanOrEqual(r.straightKm - 1e-9);
    }
  });

  it('marks every distance of a site whose own location is uncertain', () => {
    const rows = siteConnectivity(region, 'd');
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r.indicative).toBe(true);
      expect(r.reasons).toContain('site-location');
    }
  });

  it('gives no rows to a site without a location, nor to an unknown id', () => {
    expect(siteConnectivity(region, 'c')).toEqual([]);
    expect(siteConnectivity(region, 'nope')).toEqual([]);
    expect(siteToLandmark(region, 'c', 's1')).toBeNull();
    expect(siteToLandmark(region, 'a', 'nope')).toBeNull();
  });

  it('computes the same rows for every site at once', () => {
    const index = connectivityIndex(region);
    expect(Object.keys(index).sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const id of ['a', 'b', 'c', 'd']) expect(index[id]).toEqual(siteConnectivity(region, id));
  });

  it('gives no rows where the region has no landmarks', () => {
    const bare = build([site('a', { type: 'Point', coordinates: A_AT })], [road('r-north', north)], []);
    expect(siteConnectivity(bare, 'a')).toEqual([]);
  });
});

describe('connectivity of the Lào Cai sites', () => {
  const region = laoCai();
  const anchor = (id: string): Position => {
    const f = region.siteAnchors.features.find((x) => x.properties.id === id);
    if (!f) throw new Error(`no anchor for ${id}`);
    return f.geometry.coordinates;
  };

  it('measures every located site against each kind of landmark, and leaves out the unlocated', () => {
    const index = connectivityIndex(region);
    for (const f of region.data.sites.features) {
      const rows = index[f.properties.id] ?? [];
      if (f.geometry === null) expect(rows).toEqual([]);
      else expect(rows.map((r) => r.kind)).toEqual([...CONNECTIVITY_KINDS]);
    }
  });

  it('finds IC18 inside the footprint of CCN Thống Nhất 1, where the IC18 link road starts', () => {
    const r = rowOf(siteConnectivity(region, 'lc-ccn-thong-nhat-1'), 'interchange');
    expect(r.landmarkId).toBe('lc-ic18');
    expect(r.km).toBeLessThan(0.5);
    expect(Math.abs(r.km * 1000 / haversineM(anchor('lc-ccn-thong-nhat-1'), [104.045, 22.382]) - 1)).toBeLessThan(0.005);
    // the link road starts at IC18, so no stretch of road lies between the two: a straight line
    expect(r.method).toBe('straight');
    // IC18's position is an estimate
    expect(r.indicative).toBe(true);
    expect(r.reasons).toContain('landmark-location');
  });

  it('measures the parks by Lào Cai city against the border gate a few km away', () => {
    const r = rowOf(siteConnectivity(region, 'lc-kcn-bac-duyen-hai'), 'border-gate');
    expect(r.landmarkId).toBe('lc-cua-khau-lao-cai');
    expect(r.km).toBeLessThan(2);
  });

  it('measures against Nội Bài airport, outside the province, about 200 km from Tằng Loỏng', () => {
    const r = rowOf(siteConnectivity(region, 'lc-kcn-tang-loong'), 'airport');
    expect(r.landmarkId).toBe('lc-san-bay-noi-bai');
    expect(r.method).toBe('straight');
    expect(Math.abs(r.km * 1000 / haversineM(anchor('lc-kcn-tang-loong'), [105.80306, 21.21389]) - 1)).toBeLessThan(0.005);
    expect(r.km).toBeGreaterThan(150);
    expect(r.km).toBeLessThan(250);
  });

  it('puts the provincial centre in the former Yên Bái city: near KCN Phía Nam, far from Lào Cai city', () => {
    const near = rowOf(siteConnectivity(region, 'lc-kcn-phia-nam'), 'centre');
    const far = rowOf(siteConnectivity(region, 'lc-kcn-bac-duyen-hai'), 'centre');
    expect(near.landmarkId).toBe(far.landmarkId);
    expect(near.km).toBeLessThan(15);
    expect(far.km).toBeGreaterThan(100);
  });
});
