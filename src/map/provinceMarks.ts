// The country-scale view: one clickable mark per province, with its count of sites.
import type { RegionEntry } from '../store/state';
import type { ProvinceTotals } from '../analytics/overview';

/** One point per province: "Lạng Sơn · 26 khu/cụm". */
export function provinceMarks(overview: ProvinceTotals[], regions: RegionEntry[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: overview.map((p) => {
      const name = regions.find((r) => r.id === p.regionId)?.name ?? { vi: p.regionId, en: p.regionId };
      const sites = p.kcn + p.ccn;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: p.point },
        properties: {
          id: p.regionId,
          sites,
          label_vi: `${name.vi} · ${sites} khu/cụm`,
          label_en: `${name.en} · ${sites} ${sites === 1 ? 'site' : 'sites'}`,
        },
      };
    }),
  };
}
