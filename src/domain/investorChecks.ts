// Checks of a site's investor figures (occupancy, leased land, enterprises…): each must be backed by a
// source that has a date, since a leased area without its report date cannot be compared with anything;
// leased land cannot exceed the declared area; merged names and other sources' figures must cite
// sources the region knows.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { DataIssue } from './dataIssue';
import type { Region, SiteProperties } from './schema';
import { INVESTOR_FIELDS } from './investorFigures';

/** An issue of one site: always with its place in the file and the editor's words. */
type Issue = DataIssue & Required<Pick<DataIssue, 'index' | 'featureId' | 'say'>>;

/** A figure no source names, in the editor's words (the files' wording names the `about` key). */
export const SAY_NO_SOURCE = { vi: 'số liệu chưa có văn bản nguồn', en: 'the figure has no source document' };

function checkSite(f: Feature<Geometry | null, SiteProperties>, index: number, region: Region): Issue[] {
  const p = f.properties;
  const issues: Issue[] = [];
  const at = (field: string, message: string, say: Issue['say']) => issues.push({ file: 'sites.geojson', index, featureId: p.id, field, message, say });
  for (const field of INVESTOR_FIELDS) {
    if (p[field] === undefined) continue;
    const refs = p.sources.filter((s) => s.about.includes(field));
    if (refs.length === 0) at(`properties.${field}`, `có số liệu nhưng không nguồn nào ghi "about": ["${field}"]`, SAY_NO_SOURCE);
    else if (!refs.some((s) => region.sources[s.doc]?.date)) {
      const docs = refs.map((s) => region.sources[s.doc]?.title.vi ?? s.doc).join('; ');
      const docsEn = refs.map((s) => region.sources[s.doc]?.title.en ?? s.doc).join('; ');
      at(`properties.${field}`, `nguồn của số liệu này (${refs.map((s) => s.doc).join(', ')}) không có ngày: ghi "date" của nguồn trong region.json`, {
        vi: `văn bản nguồn (${docs}) không ghi ngày: số liệu cho nhà đầu tư cần văn bản có ngày`,
        en: `the source document (${docsEn}) has no date: an investor figure needs a dated document`,
      });
    }
  }
  const area = p.declaredAreaHa;
  if (area !== undefined && p.leasedHa !== undefined && p.leasedHa > area + 1e-9) {
    at('properties.leasedHa', `diện tích đã cho thuê ${p.leasedHa} ha lớn hơn diện tích công bố ${area} ha`, {
      vi: `${p.leasedHa} ha lớn hơn diện tích công bố ${area} ha`,
      en: `${p.leasedHa} ha is more than the declared area of ${area} ha`,
    });
  }
  if (area !== undefined && p.availableHa !== undefined && (p.leasedHa ?? 0) + p.availableHa > area + 1e-9) {
    const sum = (p.leasedHa ?? 0) + p.availableHa;
    at('properties.availableHa', `đã cho thuê cộng còn cho thuê (${sum} ha) lớn hơn diện tích công bố ${area} ha`, {
      vi: `đã cho thuê cộng còn cho thuê (${sum} ha) lớn hơn diện tích công bố ${area} ha`,
      en: `land let plus land to let (${sum} ha) is more than the declared area of ${area} ha`,
    });
  }
  const cited = [
    ...(p.aliases ?? []).map((a, k) => ({ doc: a.source.doc, field: `properties.aliases.${k}.source.doc` })),
    ...(p.otherFigures ?? []).map((o, k) => ({ doc: o.source.doc, field: `properties.otherFigures.${k}.source.doc` })),
  ];
  for (const c of cited) {
    if (!(c.doc in region.sources)) {
      at(c.field, `nguồn "${c.doc}" không có trong region.json › sources`, {
        vi: `văn bản "${c.doc}" không có trong danh sách văn bản nguồn của tỉnh`,
        en: `the document "${c.doc}" is not in the province's list of sources`,
      });
    }
  }
  return issues;
}

export function checkInvestorFigures(sites: FeatureCollection<Geometry | null, SiteProperties>, region: Region): Issue[] {
  return sites.features.flatMap((f, i) => checkSite(f, i, region));
}
