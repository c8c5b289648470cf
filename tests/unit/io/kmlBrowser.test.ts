// Runs in jsdom (the unit tests' default environment), which has a DOMParser as a browser does: the
// KML importer must work there with no parser passed in.
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { browserXmlParser, importKml } from '../../../src/io/import/kml';
import { ImportFileError } from '../../../src/io/import/types';
import { fixture } from './reference';

describe('importKml with the browser’s DOMParser', () => {
  it('uses DOMParser by default and reads the portal-style file the same way', () => {
    expect(browserXmlParser()).not.toBeNull();
    const r = importKml('cong-thong-tin.kml', fixture('cong-thong-tin.kml'), { defaultZone: 104.75 });
    expect(r.features.map((f) => f.name)).toEqual([
      'KCN Đông Phố Mới',
      'KCN Tằng Loỏng',
      'CCN Bắc Duyên Hải',
      'Đường vào CCN Thống Nhất',
      'Cảng cạn & trạm',
    ]);
    expect(r.features[0]!.properties['Chủ đầu tư']).toBe('Công ty Cổ phần A & B');
    expect(r.problems).toEqual([]);
  });

  it('turns DOMParser’s <parsererror> document into a not-xml file error', () => {
    try {
      importKml('a.kml', strToU8('<kml><Document><name>cắt cụt'), { defaultZone: 104.75 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportFileError);
      expect((e as ImportFileError).code).toBe('not-xml');
    }
  });
});
