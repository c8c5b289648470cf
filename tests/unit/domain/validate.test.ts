import { describe, expect, it } from 'vitest';
import { formatIssue, validateRegion, type DataIssue } from '../../../src/domain/validate';
import { miniRegion, type MiniRegion } from '../../fixtures/miniRegion';
import { listRegionIds, readRegionFiles } from '../../../scripts/regionFs';

function issuesOf(mutate: (m: MiniRegion) => void): DataIssue[] {
  const m = miniRegion();
  mutate(m);
  const r = validateRegion(m);
  expect(r.data).toBeNull();
  return r.issues;
}

const site = (m: MiniRegion, i: number) => m.sites.features[i]!;
const planSource = (m: MiniRegion) => (m.region['sources'] as Record<string, Record<string, unknown>>)['plan']!;

describe('region validation', () => {
  it('accepts a well-formed region and returns typed data', () => {
    const r = validateRegion(miniRegion());
    expect(r.issues).toEqual([]);
    expect(r.data?.sites.features.map((f) => f.properties.id)).toEqual(['mini-kcn-a', 'mini-ccn-b']);
  });

  it('names file, feature and field of a bad figure, in Vietnamese', () => {
    const [issue] = issuesOf((m) => {
      site(m, 0).properties['declaredAreaHa'] = -5;
    });
    expect(issue).toMatchObject({ file: 'sites.geojson', featureId: 'mini-kcn-a', index: 0, field: 'properties.declaredAreaHa' });
    expect(formatIssue(issue!)).toBe(
      'sites.geojson › đối tượng "mini-kcn-a" (thứ 1) › properties.declaredAreaHa: diện tích phải lớn hơn 0',
    );
  });

  it('reports a wrong type with zod’s Vietnamese message', () => {
    const [issue] = issuesOf((m) => {
      site(m, 0).properties['declaredAreaHa'] = '120,5';
    });
    expect(issue?.field).toBe('properties.declaredAreaHa');
    expect(issue?.message).toMatch(/số|number/);
    expect(issue?.message).not.toMatch(/^Invalid input/);
  });

  it('refuses a source link that is not a web address, so it never becomes a link that runs code', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
      const [issue] = issuesOf((m) => {
        planSource(m).url = url;
      });
      expect(issue?.file).toBe('region.json');
      expect(issue?.message).toMatch(/http:\/\/ hoặc https:\/\//);
    }
    const ok = miniRegion();
    planSource(ok).url = 'https://laocai.gov.vn/ke-hoach';
    expect(validateRegion(ok).issues).toEqual([]);
  });

  it('rejects a status outside the list', () => {
    const [issue] = issuesOf((m) => {
      site(m, 1).properties['status'] = 'dang-hoat-dong';
    });
    expect(issue).toMatchObject({ featureId: 'mini-ccn-b', field: 'properties.status' });
  });

  it('rejects a figure that no source backs', () => {
    const issues = issuesOf((m) => {
      site(m, 1).properties['investmentBnVnd'] = 95;
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ featureId: 'mini-ccn-b', field: 'properties.investmentBnVnd' });
  });

  it('rejects a source that region.json does not list', () => {
    const [issue] = issuesOf((m) => {
      (site(m, 0).properties['sources'] as { doc: string }[])[0]!.doc = 'bao-cao-khong-co';
    });
    expect(issue).toMatchObject({ file: 'sites.geojson', field: 'properties.sources.0.doc' });
    expect(issue?.message).toContain('bao-cao-khong-co');
  });

  it('rejects an unclosed ring', () => {
    const [issue] = issuesOf((m) => {
      (site(m, 1).geometry as { coordinates: number[][][] }).coordinates[0]!.pop();
    });
    expect(issue).toMatchObject({ featureId: 'mini-ccn-b', field: 'geometry' });
    expect(issue?.message).toContain('khép kín');
  });

  it('rejects VN-2000 metres written where degrees belong', () => {
    const [issue] = issuesOf((m) => {
      site(m, 0).geometry = { type: 'Point', coordinates: [2466123.4, 425678.9] };
    });
    expect(issue?.message).toContain('VN-2000');
  });

  it('rejects a site outside the province', () => {
    const [issue] = issuesOf((m) => {
      site(m, 0).geometry = { type: 'Point', coordinates: [106.7, 10.8] };
    });
    expect(issue?.message).toContain('ngoài vùng');
  });

  it('rejects duplicate ids', () => {
    const [issue] = issuesOf((m) => {
      site(m, 1).properties['id'] = 'mini-kcn-a';
    });
    expect(issue).toMatchObject({ index: 1, field: 'properties.id' });
    expect(issue?.message).toContain('trùng');
  });

  it('rejects a relocation to a site that does not exist', () => {
    const [issue] = issuesOf((m) => {
      m.relocations.features[0]!.properties['to'] = 'mini-kcn-z';
    });
    expect(issue).toMatchObject({ file: 'relocations.geojson', featureId: 'mini-reloc-b', field: 'properties.to' });
  });

  it('rejects capital lines that do not add up to their part', () => {
    const [issue] = issuesOf((m) => {
      m.region.capital.parts[0]!.lines[1]!.valueBnVnd = 45;
    });
    expect(issue).toMatchObject({ file: 'region.json', field: 'capital.parts.0.lines' });
    expect(issue?.message).toContain('105');
  });

  it('a figure needs a source naming it, and a document among those sources; a parcel carries no figure', () => {
    const issues = issuesOf((m) => {
      // The declared area no longer named by any source.
      site(m, 0).properties['sources'] = [{ doc: 'plan', about: ['location', 'status', 'commune'] }];
      (m.region['sources'] as Record<string, unknown>)['tong-hop'] = { title: { vi: 'Bảng tổng hợp', en: 'Our table' }, compiled: true };
      const src = (doc: string) => [{ doc, about: ['clearance'] }];
      const common = { siteId: 'mini-kcn-a', asOf: '2026-06-30', sample: false };
      const cell = { type: 'Polygon', coordinates: [[[104.3, 22.3], [104.301, 22.3], [104.301, 22.301], [104.3, 22.3]]] };
      m.clearance = {
        type: 'FeatureCollection',
        features: [
          // a record citing only our own table: refused; a parcel citing it: no figure, nothing to say
          { type: 'Feature', geometry: null, properties: { kind: 'record', id: 'r1', clearedHa: 3, ...common, sources: src('tong-hop') } },
          { type: 'Feature', geometry: cell, properties: { kind: 'parcel', id: 'p1', status: 'cleared', ...common, sources: src('tong-hop') } },
          { type: 'Feature', geometry: null, properties: { kind: 'record', id: 'r2', clearedHa: 3, ...common, sources: src('plan') } },
        ],
      } as MiniRegion['clearance'];
    });
    expect(issues.map((i) => [i.file, i.featureId, i.field])).toEqual([
      ['sites.geojson', 'mini-kcn-a', 'properties.declaredAreaHa'],
      ['clearance.geojson', 'r1', 'properties.clearance'],
    ]);
    expect(issues[0]!.message).toContain('không nguồn nào ghi');
    expect(issues[1]!.message).toContain('chưa dẫn văn bản');
  });

  it('rejects a file that is not a FeatureCollection', () => {
    const m = miniRegion();
    const r = validateRegion({ ...m, roads: [] });
    expect(r.data).toBeNull();
    expect(r.issues[0]).toMatchObject({ file: 'roads.geojson', field: 'type' });
  });
});

describe('the shipped region data', () => {
  const ids = listRegionIds();
  it('includes Lào Cai', () => {
    expect(ids).toContain('lao-cai');
  });
  it.each(ids)('%s passes validation', (id) => {
    const r = validateRegion(readRegionFiles(id));
    expect(r.issues.map(formatIssue)).toEqual([]);
  });
});
