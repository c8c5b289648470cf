// Checks of a site's investor figures (occupancy, leased land, enterprises…): each must be backed by a
// source that has a date, since a leased area without its report date cannot be compared with anything;
// leased land cannot exceed the declared area; merged names and other sources' figures must cite
// sources the region knows.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Region, SiteProperties } from './schema';
import { INVESTOR_FIELDS } from './investorFigures';

interface Issue {
  file: string;
  index: number;
  featureId: string;
  field: string;
  message: string;
}

function checkSite(f: Feature<Geometry | null, SiteProperties>, index: number, region: Region): Issue[] {
  const p = f.properties;
  const issues: Issue[] = [];
  const at = (field: string, message: string) => issues.push({ file: 'sites.geojson', index, featureId: p.id, field, message });
  for (const field of INVESTOR_FIELDS) {
    if (p[field] === undefined) continue;
    const refs = p.sources.filter((s) => s.about.includes(field));
    if (refs.length === 0) at(`properties.${field}`, `có số liệu nhưng không nguồn nào ghi "about": ["${field}"]`);
    else if (!refs.some((s) => region.sources[s.doc]?.date)) {
      at(`properties.${field}`, `nguồn của số liệu này (${refs.map((s) => s.doc).join(', ')}) không có ngày: ghi "date" của nguồn trong region.json`);
    }
  }
  const area = p.declaredAreaHa;
  if (area !== undefined && p.leasedHa !== undefined && p.leasedHa > area + 1e-9) {
    at('properties.leasedHa', `diện tích đã cho thuê ${p.leasedHa} ha lớn hơn diện tích công bố ${area} ha`);
  }
  if (area !== undefined && p.availableHa !== undefined && (p.leasedHa ?? 0) + p.availableHa > area + 1e-9) {
    at('properties.availableHa', `đã cho thuê cộng còn cho thuê (${(p.leasedHa ?? 0) + p.availableHa} ha) lớn hơn diện tích công bố ${area} ha`);
  }
  const cited = [
    ...(p.aliases ?? []).map((a, k) => ({ doc: a.source.doc, field: `properties.aliases.${k}.source.doc` })),
    ...(p.otherFigures ?? []).map((o, k) => ({ doc: o.source.doc, field: `properties.otherFigures.${k}.source.doc` })),
  ];
  for (const c of cited) if (!(c.doc in region.sources)) at(c.field, `nguồn "${c.doc}" không có trong region.json › sources`);
  return issues;
}

export function checkInvestorFigures(sites: FeatureCollection<Geometry | null, SiteProperties>, region: Region): Issue[] {
  return sites.features.flatMap((f, i) => checkSite(f, i, region));
}
