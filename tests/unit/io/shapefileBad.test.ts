// Files a planner may really be sent that cannot be loaded, or only partly: each must fail with the
// one code that lets the message say what is wrong (or, for bad features, report them one by one).
import { fileErrorAsync } from './reference';
import { describe, expect, it } from 'vitest';
import { importShapefile } from '../../../src/io/import/shapefile';
import { importDxf } from '../../../src/io/import/dxf';
import type { FileErrorCode, ImportOptions } from '../../../src/io/import/types';
import {
  dbf,
  PRJ_LAMBERT,
  PRJ_UTM48N,
  PRJ_VN2000_104_45,
  SHAPE,
  shp,
  squareCcw,
  squareCw,
  zip,
  type DbfField,
} from '../../fixtures/io/shp/build';
import { bytesOf, drawing, lwpolyline, square, text } from '../../fixtures/io/dxf/build';

const OPTIONS: ImportOptions = { defaultZone: 104.75 };
const TF: DbfField[] = [{ name: 'TEN', type: 'C', length: 30 }];
const SQUARES = shp(SHAPE.polygon, [[squareCw(430000, 2466000, 100)], [squareCw(430200, 2466000, 100)]]);
const TWO_ROWS = dbf(TF, [['Lô A1'], ['Lô A2']]);

/** The ImportFileError a promise rejects with (fails the test if it resolves or throws otherwise). */
async function shpCode(bytes: Uint8Array, options: ImportOptions = OPTIONS): Promise<{ code: FileErrorCode; detail: Record<string, string | number> }> {
  const e = await fileErrorAsync(importShapefile('ho_so.zip', bytes, options));
  return { code: e.code, detail: e.detail };
}

describe('zips that hold no readable Shapefile', () => {
  it('a zip with documents but no .shp → zip-without-shp, naming what it holds', async () => {
    const r = await shpCode(zip({ 'QD_phe_duyet.pdf': new Uint8Array([37, 80, 68, 70]), 'bang_toa_do.xlsx': 'x' }));
    expect(r.code).toBe('zip-without-shp');
    expect(r.detail['names']).toBe('QD_phe_duyet.pdf, bang_toa_do.xlsx');
  });

  it('an empty zip → zip-without-shp', async () => {
    const empty = zip({});
    expect(empty.length).toBe(22); // only the end-of-central-directory record
    expect((await shpCode(empty)).code).toBe('zip-without-shp');
  });

  it('a .shp without its .dbf → shp-without-dbf, naming the layer', async () => {
    const r = await shpCode(zip({ 'thua_dat/ranh.shp': SQUARES.shp, 'thua_dat/ranh.shx': SQUARES.shx, 'thua_dat/ranh.prj': PRJ_VN2000_104_45 }));
    expect(r).toEqual({ code: 'shp-without-dbf', detail: { layer: 'thua_dat/ranh' } });
  });

  it('a corrupt zip (cut short in transfer) and a file that is not a zip → bad-zip', async () => {
    const whole = zip({ 'a.shp': SQUARES.shp, 'a.dbf': TWO_ROWS });
    expect((await shpCode(whole.subarray(0, Math.floor(whole.length / 2)))).code).toBe('bad-zip');
    expect((await shpCode(bytesOf('%PDF-1.7 quyết định giao đất ...'))).code).toBe('bad-zip');
  });

  it('an empty file → empty-file; one over the limit → too-large, before it is read', async () => {
    expect((await shpCode(new Uint8Array(0))).code).toBe('empty-file');
    const big = await shpCode(zip({ 'a.shp': SQUARES.shp, 'a.dbf': TWO_ROWS }), { ...OPTIONS, maxBytes: 100 });
    expect(big.code).toBe('too-large');
  });

  it('a zip whose parts would inflate past the limit → too-large (a zip bomb is not unpacked)', async () => {
    const zeros = new Uint8Array(5_000_000); // compresses to a few kB
    const bytes = zip({ 'a.shp': zeros, 'a.dbf': TWO_ROWS });
    expect(bytes.length).toBeLessThan(100_000);
    expect((await shpCode(bytes, { ...OPTIONS, maxBytes: 1_000_000 })).code).toBe('too-large');
  });
});

describe('broken .shp and .dbf', () => {
  it('a truncated .shp → bad-shp (not a silently shorter layer)', async () => {
    const cut = SQUARES.shp.subarray(0, SQUARES.shp.length - 30);
    const r = await shpCode(zip({ 'a.shp': cut, 'a.dbf': TWO_ROWS }));
    expect(r.code).toBe('bad-shp');
    expect(r.detail['reason']).toBe('truncated');
  });

  it('a .shp that is something else, or a MultiPatch → bad-shp', async () => {
    expect((await shpCode(zip({ 'a.shp': bytesOf('x'.repeat(200)), 'a.dbf': TWO_ROWS }))).detail['reason']).toBe('not-a-shp');
    const patch = SQUARES.shp.slice();
    new DataView(patch.buffer).setInt32(32, SHAPE.multipatch, true);
    const r = await shpCode(zip({ 'a.shp': patch, 'a.dbf': TWO_ROWS }));
    expect(r).toMatchObject({ code: 'bad-shp', detail: { reason: 'shape-type', shapeType: 31 } });
  });

  it('a .dbf with fewer records than the .shp → bad-dbf with both counts', async () => {
    const r = await shpCode(zip({ 'a.shp': SQUARES.shp, 'a.dbf': dbf(TF, [['Lô A1']]) }));
    expect(r).toEqual({ code: 'bad-dbf', detail: { layer: 'a', reason: 'record-count', dbfRecords: 1, shpRecords: 2 } });
  });

  it('a .dbf cut short (its header promises more records than it holds) → bad-dbf', async () => {
    const r = await shpCode(zip({ 'a.shp': SQUARES.shp, 'a.dbf': dbf(TF, [['Lô A1']], undefined, 2) }));
    expect(r.code).toBe('bad-dbf');
    expect(r.detail['reason']).toBe('truncated');
  });

  it('a Shapefile with no records → no-features', async () => {
    const none = shp(SHAPE.polygon, []);
    expect((await shpCode(zip({ 'a.shp': none.shp, 'a.dbf': dbf(TF, []) }))).code).toBe('no-features');
  });
});

describe('coordinate systems', () => {
  it('a .prj in a projection that is not VN-2000 TM-3 → unknown-prj, naming it (UTM 48N said as such)', async () => {
    const lambert = await shpCode(zip({ 'a.shp': SQUARES.shp, 'a.dbf': TWO_ROWS, 'a.prj': PRJ_LAMBERT }));
    expect(lambert.code).toBe('unknown-prj');
    expect(lambert.detail['projection']).toBe('Lambert_Conformal_Conic');
    const utm = await shpCode(zip({ 'a.shp': SQUARES.shp, 'a.dbf': TWO_ROWS, 'a.prj': PRJ_UTM48N }));
    expect(utm).toEqual({ code: 'unknown-prj', detail: { projection: 'UTM 48N', datum: 'D_WGS_1984' } });
    const tm6 = PRJ_VN2000_104_45.replace('0.9999', '0.9996').replace('104.75', '105.0');
    expect((await shpCode(zip({ 'a.shp': SQUARES.shp, 'a.dbf': TWO_ROWS, 'a.prj': tm6 }))).detail['projection']).toBe('UTM 48N');
    const feet = PRJ_VN2000_104_45.replace('UNIT["Meter",1.0]]', 'UNIT["Foot_US",0.3048006096012192]]');
    expect((await shpCode(zip({ 'a.shp': SQUARES.shp, 'a.dbf': TWO_ROWS, 'a.prj': feet }))).code).toBe('unknown-prj');
    const garbage = await shpCode(zip({ 'a.shp': SQUARES.shp, 'a.dbf': TWO_ROWS, 'a.prj': 'VN2000 mui 3 do 104 45' }));
    expect(garbage.code).toBe('unknown-prj');
  });

  it('degrees under a VN-2000 .prj land far outside Vietnam: every feature reported outside-vietnam', async () => {
    const inDegrees = shp(SHAPE.polygon, [
      [squareCw(104.0, 22.3, 0.01)],
      [squareCw(104.1, 22.3, 0.01)],
    ]);
    const r = await importShapefile('sai_prj.zip', zip({ 'a.shp': inDegrees.shp, 'a.dbf': TWO_ROWS, 'a.prj': PRJ_VN2000_104_45 }), OPTIONS);
    expect(r.crs).toEqual({ kind: 'vn2000', zone: 104.75, zoneFrom: 'prj' });
    expect(r.features).toEqual([]);
    expect(r.problems.map((p) => [p.index, p.name, p.code, p.severity])).toEqual([
      [0, 'Lô A1', 'outside-vietnam', 'error'],
      [1, 'Lô A2', 'outside-vietnam', 'error'],
    ]);
    // "104 m east, 22 m north" of the zone's origin: 500 km west of the central meridian, on the equator
    expect(r.problems[0]!.detail).toMatchObject({ hint: 'zone', zone: 104.75 });
    expect(Math.abs(Number(r.problems[0]!.detail!['lat']))).toBeLessThan(0.01);
  });

  it('a hole lying outside every outer ring is reported, not silently dropped with the area it cuts', async () => {
    const bad = shp(SHAPE.polygon, [[squareCw(430000, 2466000, 100), squareCcw(430500, 2466000, 20)]]);
    const r = await importShapefile('lo.zip', zip({ 'a.shp': bad.shp, 'a.dbf': dbf(TF, [['Lô lỗi']]), 'a.prj': PRJ_VN2000_104_45 }), OPTIONS);
    expect(r.features).toEqual([]);
    expect(r.problems).toMatchObject([{ index: 0, name: 'Lô lỗi', code: 'hole-outside', severity: 'error' }]);
  });
});

describe('DXF that cannot be loaded', () => {
  const dxfCode = async (bytes: Uint8Array) => (await fileErrorAsync(importDxf('ban_ve.dxf', bytes, OPTIONS))).code;

  it('a file that is not DXF, a binary DXF and a DXF cut short → bad-dxf', async () => {
    expect(await dxfCode(bytesOf('Bảng tọa độ mốc ranh giới\nX;Y\n2466000;430000\n'))).toBe('bad-dxf');
    expect(await dxfCode(bytesOf('AutoCAD Binary DXF\r\n\u001a\u0000...'))).toBe('bad-dxf');
    const whole = drawing([lwpolyline(square(430000, 2466000, 100), { layer: 'L', closed: true })]);
    expect(await dxfCode(bytesOf(whole.slice(0, whole.indexOf('LWPOLYLINE') + 40)))).toBe('bad-dxf');
    expect(await dxfCode(new Uint8Array(0))).toBe('empty-file');
  });

  it('a DXF with only TEXT entities → no-features, saying what it held', async () => {
    const labels = drawing([text([430000, 2466000], 'Lô CN-01', 'CHU'), text([430100, 2466000], 'Lô CN-02', 'CHU')]);
    const e = await fileErrorAsync(importDxf('chu.dxf', bytesOf(labels), OPTIONS));
    expect(e.code).toBe('no-features');
    expect(e.detail).toEqual({ entities: 2, skipped: 'TEXT ×2' });
  });
});
