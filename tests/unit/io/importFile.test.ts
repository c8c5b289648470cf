import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { checkSize, importFile, ImportFileError } from '../../../src/io/import/index';
import { fixture, parseXml, fileErrorAsync } from './reference';

const OPTS = { defaultZone: 104.75, parseXml };

const POINT_KML = strToU8(
  '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Điểm A</name><Point><coordinates>104.05,22.38</coordinates></Point></Placemark></kml>',
);

const LINE_DXF = ['0', 'SECTION', '2', 'ENTITIES', '0', 'LINE', '8', 'RANH_GIOI', '10', '104.05', '20', '22.38', '11', '104.06', '21', '22.39', '0', 'ENDSEC', '0', 'EOF', ''].join('\n');

describe('checkSize', () => {
  it('refuses a file over the limit or empty, by its size alone', () => {
    expect(() => checkSize(10, { defaultZone: 104.75, maxBytes: 10 })).not.toThrow();
    const big = (() => {
      try {
        checkSize(11, { defaultZone: 104.75, maxBytes: 10 }, 'ban-do.kml');
      } catch (e) {
        return e as ImportFileError;
      }
      return null;
    })();
    expect(big?.code).toBe('too-large');
    expect(big?.detail).toEqual({ file: 'ban-do.kml', bytes: 11, max: 10 });
    expect(() => checkSize(0, { defaultZone: 104.75 })).toThrow(ImportFileError);
    // The default limit is 200 MB.
    expect(() => checkSize(200 * 1024 * 1024, { defaultZone: 104.75 })).not.toThrow();
    expect(() => checkSize(200 * 1024 * 1024 + 1, { defaultZone: 104.75 })).toThrow(ImportFileError);
  });
});

describe('importFile', () => {
  it('reads each format by its extension', async () => {
    expect((await importFile('a.geojson', fixture('khu-cong-nghiep.geojson'), OPTS)).format).toBe('geojson');
    expect((await importFile('a.kml', fixture('cong-thong-tin.kml'), OPTS)).format).toBe('kml');
    expect((await importFile('a.kmz', zipSync({ 'doc.kml': POINT_KML }), OPTS)).format).toBe('kmz');
    expect((await importFile('a.csv', fixture('diem-kcn.csv'), OPTS)).format).toBe('csv');
    const dxf = await importFile('ban-ve.dxf', strToU8(LINE_DXF), OPTS);
    expect(dxf.format).toBe('dxf');
    expect(dxf.features).toHaveLength(1);
  });

  it('reads content under a wrong extension', async () => {
    expect((await importFile('ban-do.json', POINT_KML, OPTS)).format).toBe('kml');
    expect((await importFile('ban-do.kml', fixture('khu-cong-nghiep.geojson'), OPTS)).format).toBe('geojson');
    expect((await importFile('diem.txt', fixture('diem-kcn.csv'), OPTS)).format).toBe('csv');
    expect((await importFile('diem.dat', fixture('moc-vn2000.csv'), OPTS)).format).toBe('csv');
    expect((await importFile('diem.json', fixture('moc-vn2000.csv'), OPTS)).format).toBe('csv');
    expect((await importFile('ban-do.zip', zipSync({ 'doc.kml': POINT_KML }), OPTS)).format).toBe('kmz');
    expect((await importFile('ban-do.kmz', POINT_KML, OPTS)).format).toBe('kml');
    expect((await importFile('ban-ve.txt', strToU8(LINE_DXF), OPTS)).format).toBe('dxf');
  });

  it('hands a zip holding a .shp to the Shapefile importer, which asks for the .dbf', async () => {
    const e = await fileErrorAsync(importFile('ranh-gioi.zip', zipSync({ 'ranh_gioi.shp': new Uint8Array(120) }), OPTS));
    expect(e.code).toBe('shp-without-dbf');
    expect(e.detail['file']).toBe('ranh-gioi.zip');
  });

  it('refuses an over-size file before reading it, naming the file', async () => {
    const e = await fileErrorAsync(importFile('lon.geojson', fixture('khu-cong-nghiep.geojson'), { ...OPTS, maxBytes: 100 }));
    expect(e.code).toBe('too-large');
    expect(e.detail).toMatchObject({ file: 'lon.geojson', max: 100 });
  });

  it('says “unknown format” for bytes it cannot place', async () => {
    const random = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256);
    expect((await fileErrorAsync(importFile('ghi-chu.txt', random, OPTS))).code).toBe('unknown-format');
    expect((await fileErrorAsync(importFile('ghi-chu.doc', strToU8('Biên bản họp ngày 5/3'), OPTS))).code).toBe('unknown-format');
    expect((await fileErrorAsync(importFile('trang.html', strToU8('<!DOCTYPE html><html><body><p>Xin chào<br></body></html>'), OPTS))).code).toBe(
      'unknown-format',
    );
  });
});
