// Sites as a GeoJSON FeatureCollection (RFC 7946, WGS84 lon/lat): one feature per located site with
// machine-readable keys (stable across languages, so a GIS model keeps working) plus the name and
// labels in the chosen language.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { PreparedRegion } from '../../domain/prepare';
import type { RegionReport } from '../../analytics/report';
import type { Lang } from '../../i18n/format';
import { rowsWithGeometry, siteRecord, type Cell } from './records';

export type ExportedSiteProps = Record<string, Cell | boolean>;

export function sitesToGeoJSON(region: PreparedRegion, report: RegionReport, lang: Lang): string {
  const features: Feature<Geometry, ExportedSiteProps>[] = [];
  for (const { row, geometry } of rowsWithGeometry(region, report)) {
    if (!geometry) continue;
    const r = siteRecord(row, lang);
    features.push({
      type: 'Feature',
      id: row.id,
      geometry,
      properties: {
        id: row.id,
        kind: row.kind,
        name: r.name,
        name_vi: row.name.vi,
        name_en: row.name.en,
        status: row.status,
        status_label: r.status,
        commune: row.commune,
        quality: row.quality,
        // An indicative outline is a circle of the declared area around a located point, not a boundary.
        indicative: row.quality === 'indicative',
        declared_ha: r.declaredHa,
        ellipsoidal_ha: r.ellipsoidalHa,
        vn2000_ha: r.vn2000Ha,
        turf_ha: r.turfHa,
        diff_pct: r.diffPct,
        cleared_ha: r.clearedHa,
        // Beside the figure: "Số liệu minh họa" / "Phác thảo trên bản đồ" when it is not a document's.
        clearance_basis: r.clearanceBasis,
        in_progress_ha: r.inProgressHa,
        remaining_ha: r.remainingHa,
        clearance_as_of: r.clearanceAsOf,
        occupancy_pct: r.occupancyPct,
        leased_ha: r.leasedHa,
        available_ha: r.availableHa,
        // true: leased ÷ occupancy − leased, computed from the source's two figures
        available_computed: row.availableHa !== null ? row.availableComputed : null,
        enterprises: r.enterprises,
        investor_as_of: r.investorAsOf,
      },
    });
  }
  const fc: FeatureCollection<Geometry, ExportedSiteProps> & { name: string; asOf: string } = {
    type: 'FeatureCollection',
    name: region.data.region.name[lang],
    asOf: report.asOf,
    features,
  };
  return JSON.stringify(fc, null, 1);
}
