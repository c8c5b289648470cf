// Every cluster on the Lào Cai Dept. of Industry and Trade portal's list (54: 23 established, 31 planned)
// is in the Lào Cai data: under its own name, or merged into another site whose aliases name it, cite the
// portal, and whose note states the merge. The CSV is a copy of shared/facts/lao-cai-portal-ccn.csv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { laoCai, siteProps } from '../../fixtures/laoCai';

/** papaparse reads RFC 4180 fields (commas inside double quotes stay in the field), as the app's CSV import does. */
function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

const [header, ...body] = parseCsv(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'facts', 'lao-cai-portal-ccn.csv'), 'utf8'));
const col = (name: string) => header!.indexOf(name);
const portal = body.map((r) => ({
  list: r[col('list')]!,
  name: r[col('name')]!,
  status: r[col('status')]!,
  areaHa: Number(r[col('area_ha')]),
  leasedHa: r[col('leased_ha')] === '' ? null : Number(r[col('leased_ha')]),
  occupancyPct: r[col('occupancy_pct')] === '' ? null : Number(r[col('occupancy_pct')]),
  enterprises: r[col('enterprises')] === '' ? null : Number(r[col('enterprises')]),
}));
const sites = laoCai().data.sites.features.map((f) => f.properties);

function find(portalName: string) {
  const bare = portalName.replace(/^CCN /, '');
  const own = sites.find((p) => p.kind === 'ccn' && p.name.vi === bare);
  if (own) return { site: own, merged: false };
  const merged = sites.find((p) => (p.aliases ?? []).some((a) => a.name === portalName));
  return merged ? { site: merged, merged: true } : null;
}

describe("the portal's 54 clusters in the Lào Cai data", () => {
  it('reads 54 names: 23 established and 31 planned', () => {
    expect(portal).toHaveLength(54);
    expect(portal.filter((r) => r.list.startsWith('established'))).toHaveLength(23);
    expect(portal.filter((r) => r.list.startsWith('planned'))).toHaveLength(31);
  });

  it.each(portal.map((r) => [r.name, r] as const))('finds %s, matched or merged with the merge stated', (name, r) => {
    const hit = find(name);
    expect(hit, `${name} is not in sites.geojson`).not.toBeNull();
    const p = hit!.site;
    // A matched site cites the portal among its sources; a merged one through the alias that names it.
    if (!hit!.merged) expect(p.sources.some((s) => s.doc === 'lc-portal-ccn')).toBe(true);
    if (hit!.merged) {
      const alias = p.aliases!.find((a) => a.name === name)!;
      expect(alias.source.doc).toBe('lc-portal-ccn');
      // The note names the portal's spelling (or, for "Bảo Thắng (TT Phố Lu)", its words) and says "Gộp".
      expect(p.note?.vi).toMatch(/^Gộp:/);
      expect(p.note!.vi).toContain(name.replace(/^CCN /, '').replace(/ \(TT Phố Lu\)$/, ''));
    }
    // The portal's area is either the declared one or kept beside it as another source's figure.
    const areas = [p.declaredAreaHa, ...(p.otherFigures ?? []).flatMap((o) => (o.about === 'declaredAreaHa' ? [o.areaHa] : []))];
    expect(areas).toContain(r.areaHa);
  });

  it('carries the established clusters’ leased area, occupancy and enterprises as the portal gives them', () => {
    for (const r of portal.filter((x) => x.list.startsWith('established'))) {
      const p = find(r.name)!.site;
      expect([p.id, p.leasedHa, p.occupancyPct, p.enterprises]).toEqual([p.id, r.leasedHa, r.occupancyPct, r.enterprises]);
      expect(p.yearEstablished).toBeGreaterThan(2000);
    }
  });

  it('merges exactly three portal names into other sites and adds the other nine', () => {
    const merged = portal.filter((r) => find(r.name)!.merged).map((r) => r.name);
    // Bản Phùng is the boundary layer's "Bản Phung", spelt two ways.
    expect(merged.sort()).toEqual(['CCN Bản Phùng', 'CCN Bảo Thắng (TT Phố Lu)', 'CCN Thống Nhất 2', 'CCN Thống Nhất 3']);
    expect(find('CCN Thống Nhất 2')!.site.id).toBe('lc-kcn-thong-nhat');
    expect(find('CCN Bảo Thắng (TT Phố Lu)')!.site.id).toBe('lc-ccn-pho-lu');
    expect(sites).toHaveLength(68 + 9);
  });

  it('lists a planned cluster with no known position, and does not draw it', () => {
    const p = siteProps('lc-ccn-muong-khuong');
    expect(p.status).toBe('planned');
    expect(p.declaredAreaHa).toBe(30);
    expect(laoCai().unlocatedSiteIds).toContain('lc-ccn-muong-khuong');
    expect(laoCai().siteAnchors.features.some((f) => f.properties.id === 'lc-ccn-muong-khuong')).toBe(false);
  });

  it('keeps the portal’s hand-entered point beside ours rather than replacing it', () => {
    const p = siteProps('lc-ccn-son-man');
    const other = (p.otherFigures ?? []).find((o) => o.about === 'location');
    expect(other && other.about === 'location' ? other.point : null).toEqual([103.985, 22.455]);
    expect(laoCai().data.sites.features.find((f) => f.properties.id === 'lc-ccn-son-man')!.geometry).toEqual({ type: 'Point', coordinates: [104.013, 22.4726] });
  });
});
