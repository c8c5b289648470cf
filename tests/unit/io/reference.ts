// Independent expectations for the import tests: fixture bytes, and VN-2000 → WGS84 computed here
// with proj4 directly from the published QĐ 05/2007/QĐ-BTNMT parameters (not through src/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { ImportFileError } from '../../../src/io/import/types';

/** tests/fixtures/io/<name> (a path with "/" for files in bad/). */
export function fixturePath(name: string): string {
  return join(import.meta.dirname, '..', '..', 'fixtures', 'io', ...name.split('/'));
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** VN-2000 TM-3 zone 104°45′ written out by hand, with the seven parameters of QĐ 05/2007/QĐ-BTNMT. */
const TM3_104_45 =
  '+proj=tmerc +lat_0=0 +lon_0=104.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ' +
  '+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';
const TM3_104_45_NO_SHIFT = TM3_104_45.replace(/ \+towgs84=\S+/, '');

/** Vietnamese X (northing), Y (easting) in zone 104°45′ → WGS84 [lon, lat]. */
export function vn2000ToWgs84(x: number, y: number): [number, number] {
  return proj4(TM3_104_45, 'WGS84', [y, x]) as [number, number];
}

/** The same with no datum shift: what a naive conversion gives, about 200 m off. */
export function vn2000ToWgs84NoShift(x: number, y: number): [number, number] {
  return proj4(TM3_104_45_NO_SHIFT, 'WGS84', [y, x]) as [number, number];
}

/** Metres between two nearby lon/lat points (equirectangular; plenty for "cm or 200 m?"). */
export function metresBetween(a: readonly number[], b: readonly number[]): number {
  const R = 6_371_000;
  const lat = (((a[1]! + b[1]!) / 2) * Math.PI) / 180;
  const dx = (((b[0]! - a[0]!) * Math.PI) / 180) * Math.cos(lat) * R;
  const dy = (((b[1]! - a[1]!) * Math.PI) / 180) * R;
  return Math.hypot(dx, dy);
}

// ---- XML in Node: @xmldom/xmldom, strict (an error in the XML is an error, not a warning) -------
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';

export function parseXml(text: string): Document {
  const parser = new XmlDomParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  });
  return parser.parseFromString(text, 'text/xml') as unknown as Document;
}

/** The ImportFileError a read throws (sync or async); fails the test when it throws something else or nothing. */
export function fileError(f: () => unknown): ImportFileError {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected an ImportFileError');
}

export async function fileErrorAsync(p: Promise<unknown>): Promise<ImportFileError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected an ImportFileError');
}
