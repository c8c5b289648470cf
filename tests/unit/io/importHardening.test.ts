// Files the seeded fuzzer (tests/unit/io/fuzzImport.test.ts) found breaking the import, each kept
// here as a plain test named for what a planner sees: a clear message, not a frozen page or a crash.
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importFile } from '../../../src/io/import/index';
import { fileErrorMessage } from '../../../src/io/import/messages';
import { drawing, lwpolyline, square } from '../../fixtures/io/dxf/build';
import { fileErrorAsync, parseXml } from './reference';

const OPTS = { defaultZone: 104.75, parseXml };

describe('damaged files end in a message, never a crash or a hang', () => {
  it('a cut-short JSON nested 100 000 deep is "not valid JSON" (no stack overflow)', async () => {
    // found by geojson/deep-nesting/631048508
    const e = await fileErrorAsync(importFile('sau.geojson', strToU8('{"type":"FeatureCollection","features":' + '['.repeat(100_000)), OPTS));
    expect(e.code).toBe('not-json');
    expect(fileErrorMessage(e, 'vi')).toContain('không phải JSON hợp lệ');
  });

  it('coordinates nested 100 000 deep refuse that feature only', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const text = `{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"ten":"Sâu"},"geometry":{"type":"Point","coordinates":${deep}}},
      {"type":"Feature","properties":{"ten":"Mốc"},"geometry":{"type":"Point","coordinates":[104.05,22.38]}}]}`;
    const r = await importFile('sau.geojson', strToU8(text), OPTS);
    expect(r.features.map((f) => f.name)).toEqual(['Mốc']);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['bad-coordinate']);
  });

  it('a DXF POLYLINE with no SEQEND is refused as damaged instead of freezing the page', async () => {
    // found by dxf/deep-nesting/2018311389: dxf-parser loops forever on it
    const text = drawing([lwpolyline(square(430_000, 2_466_000, 250), { layer: 'L', closed: true })]).replace(
      /ENTITIES\n/,
      'ENTITIES\n  0\nPOLYLINE\n  8\nL\n 66\n1\n',
    );
    const t0 = performance.now();
    const e = await fileErrorAsync(importFile('ban-ve.dxf', strToU8(text), OPTS));
    expect(e.code).toBe('bad-dxf');
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  /** One LWPOLYLINE written group by group, with `groups` after its layer. */
  const lwDrawing = (groups: string) =>
    `  0\nSECTION\n  2\nENTITIES\n  0\nLWPOLYLINE\n  8\nL\n${groups}  0\nENDSEC\n  0\nEOF\n`;

  it('a DXF whose lines slipped out of step inside an LWPOLYLINE is refused, not looped on', async () => {
    // found by dxf/flip-bytes/2104284296: an x (10) followed by a group dxf-parser does not expect
    const text = lwDrawing(' 90\n3\n 70\n1\n 10\n430000\n  5\n2B\n 20\n2466000\n 10\n430250\n 20\n2466000\n 10\n430250\n 20\n2466250\n');
    expect((await fileErrorAsync(importFile('ban-ve.dxf', strToU8(text), OPTS))).code).toBe('bad-dxf');
  });

  it('a DXF LWPOLYLINE claiming 9 007 199 254 740 993 vertices is refused', async () => {
    const text = lwDrawing(' 90\n9007199254740993\n 70\n1\n 10\n430000\n 20\n2466000\n 10\n430250\n 20\n2466000\n 10\n430250\n 20\n2466250\n');
    expect((await fileErrorAsync(importFile('ban-ve.dxf', strToU8(text), OPTS))).code).toBe('bad-dxf');
  });

  it('a CSV without coordinates and with 20 000 columns names a dozen of them, not all', async () => {
    // found by csv/huge-attribute/1581232817: the message was 60 000 characters long
    const header = ['Tên', ...Array.from({ length: 20_000 }, (_, i) => `c${i}`)].join(';');
    const e = await fileErrorAsync(importFile('rong.csv', strToU8(`${header}\nA;1\n`), OPTS));
    expect(e.code).toBe('csv-no-coordinates');
    const vi = fileErrorMessage(e, 'vi');
    expect(vi).toContain('Tên, c0, c1');
    expect(vi).toContain('… (20001)');
    expect(vi.length).toBeLessThan(600);
  });
});
