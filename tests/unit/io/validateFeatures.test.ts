import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import type { FeatureProblem } from '../../../src/io/import/types';
import { insideVietnam, validateFeatures, type RawFeature } from '../../../src/io/import/validateFeatures';

// A small square (about 100 m) near CCN Thống Nhất 1, Lào Cai: well inside Vietnam, simple, closed.
const square = (lon = 104.046, lat = 22.384, d = 0.001) => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];

function raw(geometry: unknown, extra: Partial<RawFeature> = {}): RawFeature {
  return { index: 0, name: 'CCN Thống Nhất 1', geometry, properties: {}, ...extra };
}

function many(...fs: RawFeature[]): RawFeature[] {
  return fs.map((f, index) => ({ ...f, index }));
}

const codes = (ps: FeatureProblem[]) => ps.map((p) => `${p.index}:${p.code}:${p.severity}`);

describe('validateFeatures', () => {
  it('keeps sound points, lines and polygons, with their index, name and properties', () => {
    const r = validateFeatures(
      many(
        raw({ type: 'Point', coordinates: [104.0467, 22.3841] }, { properties: { loai: 'CCN' } }),
        raw({ type: 'LineString', coordinates: [[104.0, 22.3], [104.1, 22.4]] }, { name: 'Đường nối' }),
        raw({ type: 'Polygon', coordinates: [square()] }, { name: 'KCN Đông Phố Mới' }),
        raw({ type: 'MultiPolygon', coordinates: [[square()], [square(104.05)]] }),
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.features.map((f) => f.index)).toEqual([0, 1, 2, 3]);
    expect(r.features[2]!.name).toBe('KCN Đông Phố Mới');
    expect(r.features[0]!.properties).toEqual({ loai: 'CCN' });
    expect(r.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [104.0467, 22.3841] });
  });

  it('leaves out null and empty geometries', () => {
    const r = validateFeatures(
      many(
        raw(null),
        raw(undefined),
        raw({ type: 'Polygon', coordinates: [] }),
        raw({ type: 'GeometryCollection', geometries: [] }),
        raw({ type: 'Point', coordinates: [] }),
      ),
    );
    expect(r.features).toEqual([]);
    expect(codes(r.problems)).toEqual([
      '0:null-geometry:error',
      '1:null-geometry:error',
      '2:empty-geometry:error',
      '3:empty-geometry:error',
      '4:empty-geometry:error',
    ]);
  });

  it('reports an unclosed ring as an error and does not close it silently', () => {
    const open = square().slice(0, 4);
    const r = validateFeatures([raw({ type: 'Polygon', coordinates: [open] })]);
    expect(r.features).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'unclosed-ring', severity: 'error', name: 'CCN Thống Nhất 1' });
    expect(r.problems[0]!.detail).toMatchObject({ hole: 0 });
  });

  it('keeps a bow-tie (two corners swapped) as its two repaired triangles, flagged with where the edges cross', () => {
    // Corners 3 and 4 of the square swapped: the edges (1→2) … cross at the middle of the square.
    const [a, b, c, d] = square();
    const bowTie = [a!, b!, d!, c!, a!];
    const r = validateFeatures([raw({ type: 'Polygon', coordinates: [bowTie] })]);
    expect(r.problems.map((p) => `${p.code}:${p.severity}`)).toEqual(['geometry-repaired:warning']);
    // The two crossing edges are b→d and c→a: diagonals of the square, meeting at its centre.
    const centre = [(a![0]! + b![0]!) / 2, (a![1]! + d![1]!) / 2];
    expect(Number(r.problems[0]!.detail!['lon'])).toBeCloseTo(centre[0]!, 6);
    expect(Number(r.problems[0]!.detail!['lat'])).toBeCloseTo(centre[1]!, 6);
    // Loaded, as the repaired shape, with the crossing noted on the feature itself.
    expect(r.features).toHaveLength(1);
    const f = r.features[0]!;
    expect(f.repair).toMatchObject({ fault: 'self-intersection', count: 1 });
    expect(f.repair!.at[0]![0]).toBeCloseTo(centre[0]!, 6);
    expect(f.repair!.at[0]![1]).toBeCloseTo(centre[1]!, 6);
    // The two lobes are the triangles a–b–centre and c–d–centre of the file's corners.
    expect(f.geometry.type).toBe('MultiPolygon');
    const parts = (f.geometry as MultiPolygon).coordinates;
    const key = (p: number[]) => p.map((x) => x.toFixed(9)).join(',');
    const corners = parts.map((rings) => rings[0]!.slice(0, -1).map(key).sort());
    const tri = (...ps: number[][]) => ps.map(key).sort();
    expect(corners).toEqual(expect.arrayContaining([tri(a!, b!, centre), tri(c!, d!, centre)]));
  });

  it('still refuses a ring that crosses itself together with another fault (a hole outside)', () => {
    const [a, b, c, d] = square();
    const r = validateFeatures([raw({ type: 'Polygon', coordinates: [[a!, b!, d!, c!, a!], square(104.06)] })]);
    expect(r.features).toEqual([]);
    expect(r.problems.every((p) => p.severity === 'error')).toBe(true);
    expect(r.problems.map((p) => p.code)).toContain('self-intersection');
  });

  it('reports too few points for rings and lines', () => {
    const r = validateFeatures(
      many(
        raw({ type: 'Polygon', coordinates: [[[104.0, 22.3], [104.1, 22.3], [104.0, 22.3]]] }),
        raw({ type: 'LineString', coordinates: [[104.0, 22.3]] }),
      ),
    );
    expect(codes(r.problems)).toEqual(['0:too-few-points:error', '1:too-few-points:error']);
    expect(r.problems[1]!.detail).toMatchObject({ points: 1, need: 2 });
  });

  it('reports a hole lying outside its outer ring', () => {
    const r = validateFeatures([raw({ type: 'Polygon', coordinates: [square(), square(104.06)] })]);
    expect(r.problems.map((p) => p.code)).toEqual(['hole-outside']);
    expect(r.problems[0]!.detail).toMatchObject({ hole: 1 });
  });

  it('reports NaN, Infinity, text and missing numbers as bad coordinates', () => {
    const r = validateFeatures(
      many(
        raw({ type: 'Point', coordinates: [Number.NaN, 22.3] }),
        raw({ type: 'LineString', coordinates: [[104.0, 22.3], [Number.POSITIVE_INFINITY, 22.4]] }),
        raw({ type: 'Point', coordinates: ['104.0', 22.3] }),
        raw({ type: 'Point', coordinates: [104.0] }),
        raw({ type: 'Polygon', coordinates: [[104.0, 22.3]] }),
      ),
    );
    expect(r.features).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual(Array(5).fill('bad-coordinate'));
    expect(String(r.problems[1]!.detail!['position'])).toContain('Infinity');
  });

  it('tells coordinates outside Vietnam apart: swapped axes, metres, elsewhere, wrong zone', () => {
    const r = validateFeatures(
      many(
        raw({ type: 'Point', coordinates: [22.3841, 104.0467] }), // lat, lon
        raw({ type: 'Point', coordinates: [431_000, 2_475_000] }), // VN-2000 metres, not converted
        raw({ type: 'Point', coordinates: [2.35, 48.85] }), // Paris
      ),
    );
    expect(r.problems.map((p) => [p.code, p.detail?.['hint']])).toEqual([
      ['outside-vietnam', 'swapped'],
      ['outside-vietnam', 'projected'],
      ['outside-vietnam', 'far'],
    ]);
    const fromVn = validateFeatures([raw({ type: 'Point', coordinates: [100.5, 22.0] })], {
      crs: { kind: 'vn2000', zone: 104.75, zoneFrom: 'region-default' },
    });
    expect(fromVn.problems[0]!.detail).toMatchObject({ hint: 'zone', zone: 104.75 });
  });

  it('accepts Hoàng Sa and Trường Sa, and the edges of the generous box', () => {
    expect(insideVietnam(112.33, 16.53)).toBe(true); // Hoàng Sa
    expect(insideVietnam(114.33, 8.64)).toBe(true); // Trường Sa
    expect(insideVietnam(102.14, 22.4)).toBe(true); // Điện Biên, westernmost
    expect(insideVietnam(101.9, 22.4)).toBe(false);
    expect(insideVietnam(105.0, 6.9)).toBe(false);
    expect(insideVietnam(105.0, 23.6)).toBe(false);
  });

  it('warns about duplicate ids (feature id, id, ID, ma, Mã) and keeps both features', () => {
    const p = { type: 'Point', coordinates: [104.05, 22.38] };
    const r = validateFeatures(
      many(
        raw(p, { id: 'KCN-01', name: 'A' }),
        raw(p, { properties: { ID: 'KCN-01' }, name: 'B' }),
        raw(p, { properties: { 'Mã': 7 }, name: 'C' }),
        raw(p, { properties: { ma: '7' }, name: 'D' }),
        raw(p, { properties: { id: '' }, name: 'E' }),
        raw(p, { properties: { id: '' }, name: 'F' }),
      ),
    );
    expect(r.features).toHaveLength(6);
    expect(codes(r.problems)).toEqual(['1:duplicate-id:warning', '3:duplicate-id:warning']);
    expect(r.problems[0]!.detail).toEqual({ id: 'KCN-01', first: 1 });
    expect(r.problems[1]!.detail).toEqual({ id: '7', first: 3 });
  });

  it('warns about a missing or blank name and still loads the feature', () => {
    const p = { type: 'Point', coordinates: [104.05, 22.38] };
    const r = validateFeatures(many(raw(p, { name: null }), raw(p, { name: '   ' })));
    expect(r.features).toHaveLength(2);
    expect(codes(r.problems)).toEqual(['0:missing-name:warning', '1:missing-name:warning']);
  });

  it('refuses geometry types GeoJSON does not have, and checks each member of a collection', () => {
    const r = validateFeatures(
      many(
        raw({ type: 'Circle', coordinates: [104.05, 22.38], radius: 5 }),
        raw({
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: [104.05, 22.38] },
            { type: 'Polygon', coordinates: [square().slice(0, 4)] },
          ],
        }),
        raw({
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: [104.05, 22.38] },
            { type: 'LineString', coordinates: [[104.0, 22.3], [104.1, 22.4]] },
          ],
        }),
      ),
    );
    expect(codes(r.problems)).toEqual(['0:unsupported-geometry:error', '1:unclosed-ring:error']);
    expect(r.problems[0]!.detail).toEqual({ type: 'Circle' });
    expect(r.problems[1]!.detail).toMatchObject({ member: 2 });
    expect(r.features.map((f) => f.index)).toEqual([2]);
  });

  it('adds the caller’s location (a CSV row) to every problem, and never mutates its input', () => {
    const input = Object.freeze([
      Object.freeze(raw({ type: 'Point', coordinates: Object.freeze([Number.NaN, 22]) }, { where: { row: 7 } })),
    ]);
    const r = validateFeatures(input as RawFeature[]);
    expect(r.problems[0]!.detail).toMatchObject({ row: 7 });
  });

  it('drops altitudes: imported geometry is two-dimensional', () => {
    const r = validateFeatures([raw({ type: 'LineString', coordinates: [[104.0, 22.3, 120], [104.1, 22.4, 130]] })]);
    expect(r.features[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[104.0, 22.3], [104.1, 22.4]] });
  });
});
