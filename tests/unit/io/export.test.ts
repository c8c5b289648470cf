// The exported files, read back the way a planner's tools would: JSON.parse, an RFC 4180 CSV reader
// (papaparse), a strict XML parser, and the app's own importer (a round trip).
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { laoCai } from '../../fixtures/laoCai';
import { buildReport } from '../../../src/analytics/report';
import { COLORS } from '../../../src/map/theme';
import { BOM, csvField, exportFileName, sitesToCsv, sitesToGeoJSON, sitesToKml, xmlText } from '../../../src/io/export';
import { importFile } from '../../../src/io/import';
import { parseXml } from './reference';

const region = laoCai();
const report = buildReport(region, region.data.region.asOf);
const total = region.data.sites.features.length;
// Two Lào Cai sites are named in the documents but not located (no geometry in sites.geojson).
const located = region.data.sites.features.filter((f) => f.geometry !== null).length;

function parseCsv(text: string): string[][] {
  const r = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('GeoJSON export', () => {
  const fc = JSON.parse(sitesToGeoJSON(region, report, 'vi')) as {
    type: string;
    features: { geometry: { type: string }; properties: Record<string, unknown> }[];
  };
  it('has one feature per located site, with the three areas and the declared figure', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(located);
    expect(located).toBe(total - 11);
    const tl = fc.features.find((f) => f.properties['id'] === 'lc-kcn-tang-loong')!;
    expect(tl.properties['name']).toBe('Tằng Loỏng');
    expect(tl.properties['declared_ha']).toBe(1100);
    // Its outline is a footprint drawn from the declared 1,100 ha: the ellipsoid gives that back,
    // the plane within a few hundredths of a per cent, Turf's sphere about 0.25% high at 22°N.
    expect(tl.properties['ellipsoidal_ha']).toBeCloseTo(1100, 0);
    expect(Math.abs((tl.properties['vn2000_ha'] as number) - 1100)).toBeLessThan(1);
    const turfOver = (tl.properties['turf_ha'] as number) / 1100 - 1;
    expect(turfOver).toBeGreaterThan(0.001);
    expect(turfOver).toBeLessThan(0.004);
    expect(tl.properties['indicative']).toBe(true);
    expect(tl.geometry.type).toBe('Polygon');
  });
  it('keeps a located site without a declared area as its point', () => {
    const py = fc.features.find((f) => f.properties['id'] === 'lc-kcn-phu-xuan')!;
    expect(py.geometry.type).toBe('Point');
    expect(py.properties['declared_ha']).toBeNull();
  });
});

describe('CSV export', () => {
  it('starts with a BOM, has a header and one row per site, Vietnamese headers in vi', () => {
    const text = sitesToCsv(report, 'vi');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(total + 1);
    const head = rows[0]!;
    expect(head).toContain('Diện tích theo văn bản (ha)');
    expect(head).toContain('Diện tích elipxoit WGS84 (ha)');
    expect(head).toContain('Diện tích mặt phẳng VN-2000 (ha)');
    expect(head).toContain('Diện tích mặt cầu (ha)');
    const col = (name: string) => head.indexOf(name);
    const tl = rows.find((r) => r[0] === 'lc-kcn-tang-loong')!;
    expect(tl[col('Tên')]).toBe('Tằng Loỏng');
    // A dot decimal separator and no grouping: the spreadsheet reads 1100, not "1.100".
    expect(tl[col('Diện tích theo văn bản (ha)')]).toBe('1100');
    expect(Number(tl[col('Diện tích elipxoit WGS84 (ha)')])).toBeCloseTo(1100, 0);
    expect(tl[col('Loại')]).toBe('KCN');
    // Võ Lao is declared as 482.6 ha in the documents.
    const vl = rows.find((r) => r[0] === 'lc-kcn-vo-lao')!;
    expect(vl[col('Diện tích theo văn bản (ha)')]).toBe('482.6');
  });
  it('has English headers in en and the same figures', () => {
    const rows = parseCsv(sitesToCsv(report, 'en'));
    expect(rows[0]).toContain('Declared area (ha)');
    expect(rows[0]).toContain('VN-2000 planar area (ha)');
    const tl = rows.find((r) => r[0] === 'lc-kcn-tang-loong')!;
    expect(tl[rows[0]!.indexOf('Declared area (ha)')]).toBe('1100');
  });
  it('quotes fields per RFC 4180', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    const line = ['x', 'Khu "A", giai đoạn 1', 'y'].map(csvField).join(',');
    expect(Papa.parse<string[]>(line).data[0]).toEqual(['x', 'Khu "A", giai đoạn 1', 'y']);
  });
});

describe('KML export', () => {
  const text = sitesToKml(region, 'vi', report, COLORS);
  it('is well-formed XML with one Placemark per located site, names as text', () => {
    const doc = parseXml(text);
    const marks = doc.getElementsByTagName('Placemark');
    expect(marks.length).toBe(located);
    const names = Array.from(doc.getElementsByTagName('name')).map((n) => n.textContent);
    expect(names).toContain('Tằng Loỏng');
    expect(names[0]).toBe('Lào Cai');
  });
  it('escapes what XML reserves', () => {
    expect(xmlText('A & B <C> "d" \'e\'')).toBe('A &amp; B &lt;C&gt; &quot;d&quot; &apos;e&apos;');
    const tricky = structuredClone(region);
    tricky.data.sites.features[0]!.properties.name.vi = 'KCN <Tằng> & "Loỏng"';
    const doc = parseXml(sitesToKml(tricky, 'vi', buildReport(tricky, tricky.data.region.asOf), COLORS));
    const names = Array.from(doc.getElementsByTagName('Placemark')).map((p) => p.getElementsByTagName('name')[0]!.textContent);
    expect(names).toContain('KCN <Tằng> & "Loỏng"');
  });
  it('reads back through the app importer with names, fields and the indicative mark', async () => {
    const r = await importFile('export.kml', new TextEncoder().encode(text), { defaultZone: 104.75, parseXml });
    expect(r.features).toHaveLength(located);
    const tl = r.features.find((f) => f.name === 'Tằng Loỏng')!;
    expect(tl.geometry.type).toBe('Polygon');
    expect(JSON.stringify(tl.properties)).toContain('1100');
    expect(JSON.stringify(tl.properties)).toContain('minh họa');
  });
});

describe('file names', () => {
  it('names the region and the day', () => {
    expect(exportFileName('lao-cai', 'csv', new Date(2026, 10, 22, 9))).toBe('kcn-lao-cai-2026-11-22.csv');
  });
});
