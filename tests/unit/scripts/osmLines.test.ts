import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString, Position } from 'geojson';
import {
  buildOsmRoads,
  buildRailDetail,
  buildRailOverview,
  displayRef,
  OsmInputError,
  OVERVIEW_TOLERANCE,
  railLineName,
  simplifyLine,
} from '../../../scripts/basemap/osmLines';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const line = (props: Record<string, unknown>, coordinates: Position[]) => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates } });
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });

/** Largest distance (degrees, planar) from any input vertex to the simplified line: an independent check of the tolerance. */
function maxDeviation(original: Position[], simplified: Position[]): number {
  const seg = (p: Position, a: Position, b: Position) => {
    const [px, py] = p as [number, number];
    const [ax, ay] = a as [number, number];
    const [bx, by] = b as [number, number];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(ax + t * dx - px, ay + t * dy - py);
  };
  return Math.max(...original.map((p) => Math.min(...simplified.slice(1).map((b, i) => seg(p, simplified[i]!, b)))));
}

describe('OpenStreetMap lines for the basemap: classes and refs', () => {
  it('writes refs as Vietnamese maps do', () => {
    expect(displayRef('DT.151')).toBe('ĐT.151');
    expect(displayRef('DT151B')).toBe('ĐT.151B');
    expect(displayRef('QL.4E')).toBe('QL.4E');
    expect(displayRef('ql4d')).toBe('QL.4D');
    expect(displayRef('CT05')).toBe('CT05');
  });

  it('names railway lines one way and gives bridges, tunnels and yards no line name', () => {
    expect(railLineName('Đường sắt Bắc-Nam')).toBe('Đường sắt Bắc – Nam');
    expect(railLineName('Đường sắt Bắc Nam')).toBe('Đường sắt Bắc – Nam');
    expect(railLineName('Đường sắt Hà Nội - Lào Cai')).toBe('Đường sắt Hà Nội – Lào Cai');
    expect(railLineName('Cầu Long Biên')).toBeNull();
    expect(railLineName(null)).toBeNull();
  });

  it('keeps the two road classes, chains a route cut in pieces into one line, and refuses an unknown class', () => {
    const roads = buildOsmRoads(fc([
      line({ class: 'national', ref: 'QL.4E', name: 'Quốc lộ 4E' }, [[104.0, 22.0], [104.01, 22.0]]),
      line({ class: 'national', ref: 'QL.4E', name: 'Quốc lộ 4E' }, [[104.01, 22.0], [104.02, 22.01]]),
      line({ class: 'provincial', ref: 'DT.151', name: 'Đường tỉnh 151' }, [[104.1, 22.1], [104.1, 22.2]]),
    ]));
    expect(roads.map((r) => [r.properties.class, r.properties.ref, r.geometry.coordinates.length])).toEqual([
      ['national', 'QL.4E', 3],
      ['provincial', 'ĐT.151', 2],
    ]);
    expect(() => buildOsmRoads(fc([line({ class: 'motorway', ref: 'CT.05' }, [[104, 22], [104.1, 22]])]))).toThrow(OsmInputError);
  });
});

describe('OpenStreetMap lines: simplification per level', () => {
  // A zigzag whose teeth stand 0.00005° (about 5 m) off a straight line, and one 0.001° bend.
  const zigzag: Position[] = Array.from({ length: 101 }, (_, i) => [104 + i * 0.0005, 22 + (i % 2) * 0.00005 + (i === 50 ? 0.001 : 0)]);

  it('at site detail drops the 5 m teeth but keeps the 100 m bend, both ends, and stays within the tolerance', () => {
    const s = simplifyLine(zigzag, 0.00008);
    expect(s.length).toBeLessThan(10);
    expect(s[0]).toEqual([104, 22]);
    expect(s[s.length - 1]).toEqual([104.05, 22]);
    expect(s.some((p) => p[1]! > 22.0009)).toBe(true);
    expect(maxDeviation(zigzag, s)).toBeLessThanOrEqual(0.00008 + 1e-5);
  });

  it('the overview railway is coarser than the detail, drops stubs under 1 km, and the detail keeps only what lies in the boxes', () => {
    const rails = fc([
      line({ name: 'Đường sắt Hà Nội - Lào Cai' }, zigzag),
      line({ name: null }, [[105, 21], [105.005, 21]]), // a yard stub of about 520 m
    ]);
    const overview = buildRailOverview(rails);
    expect(overview).toHaveLength(1);
    expect(overview[0]!.properties).toEqual({ class: 'rail' });
    const detail = buildRailDetail(rails, [[103.9, 21.9, 104.02, 22.1], [104.9, 20.9, 105.1, 21.1]]);
    const named = detail.filter((f) => f.properties.name === 'Đường sắt Hà Nội – Lào Cai');
    expect(named).toHaveLength(1);
    expect(Math.max(...named[0]!.geometry.coordinates.map((p) => p[0]!))).toBeLessThanOrEqual(104.02);
    expect(detail.filter((f) => !f.properties.name)).toHaveLength(1);
    expect(maxDeviation(zigzag, overview[0]!.geometry.coordinates)).toBeLessThanOrEqual(OVERVIEW_TOLERANCE + 1e-5);
    expect(maxDeviation(zigzag, overview[0]!.geometry.coordinates)).toBeGreaterThan(0.00005 - 1e-6);
  });
});

describe('the committed basemap files', () => {
  const read = <T,>(f: string) => JSON.parse(readFileSync(join(ROOT, 'public', 'basemap', f), 'utf8')) as T;
  const roads = read<FeatureCollection<LineString, { class: string; ref: string }>>('osm-roads.geojson');
  const rail = read<FeatureCollection<LineString, { name?: string }>>('osm-rail.geojson');

  it('roads: QL in national, ĐT in provincial, no "DT." left, and nothing outside the former Lào Cai province', () => {
    const classes = new Set(roads.features.map((f) => f.properties.class));
    expect([...classes].sort()).toEqual(['national', 'provincial']);
    for (const f of roads.features) {
      expect(f.properties.ref).toMatch(f.properties.class === 'national' ? /^QL\.\d+[A-Z]?$/ : /^ĐT\.\d+[A-Z]?$/);
      for (const [x, y] of f.geometry.coordinates) {
        expect(x).toBeGreaterThan(103.4);
        expect(x).toBeLessThan(104.7);
        expect(y).toBeGreaterThan(21.8);
        expect(y).toBeLessThan(22.9);
      }
    }
    expect(roads.features.map((f) => f.properties.ref)).toEqual(expect.arrayContaining(['QL.4E', 'QL.4D', 'QL.4', 'QL.279', 'ĐT.151']));
  });

  it('the railway passes Ga Lào Cai and Ga Đồng Đăng of the regions\' landmarks (within 400 m: a station building stands beside its tracks)', () => {
    const near = (at: [number, number]) => {
      const k = Math.cos((at[1] * Math.PI) / 180) * 111_320;
      return Math.min(...rail.features.flatMap((f) => f.geometry.coordinates.map(([x, y]) => Math.hypot((x! - at[0]) * k, (y! - at[1]) * 111_320))));
    };
    expect(near([103.97833, 22.4925])).toBeLessThan(400);
    expect(near([106.69767, 21.9511])).toBeLessThan(400);
  });

  it('credits OpenStreetMap and ships the ODbL text', () => {
    const attribution = read<{ text: string; items: { name: string; licence: string; licence_file: string }[] }>('attribution.json');
    expect(attribution.text).toContain('© OpenStreetMap contributors');
    const osm = attribution.items.find((i) => i.name === '© OpenStreetMap contributors');
    expect(osm?.licence).toBe('ODbL 1.0');
    const text = readFileSync(join(ROOT, 'public', osm!.licence_file), 'utf8');
    expect(text).toContain('Open Database License');
    expect(readFileSync(join(ROOT, 'public', 'licenses', 'index.html'), 'utf8')).toContain('ODbL-1.0.txt');
  });
});
