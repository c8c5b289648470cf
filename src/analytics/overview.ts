// Per-province totals for the national overview, from each region's report.
import type { Region } from '../domain/types';
import type { RegionReport } from './report';

export interface ProvinceTotals {
  regionId: string;
  /** where the overview map labels the province */
  point: [number, number];
  kcn: number;
  ccn: number;
  existing: number;
  planned: number;
  declaredHa: number;
  /** clean land at the region's report date; null without clearance data */
  clearedHa: number | null;
  sample: boolean;
  asOf: string;
  /** land leased / still to let, summed over the sites that have the figure; null when none has */
  leasedHa: number | null;
  availableHa: number | null;
}

function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

export function provinceTotals(r: RegionReport, region: Region): ProvinceTotals {
  const s = r.sites;
  const [w, so, e, n] = region.bbox;
  return {
    regionId: r.regionId,
    point: region.labelPoint ?? [(w + e) / 2, (so + n) / 2],
    kcn: s.filter((x) => x.kind === 'kcn').length,
    ccn: s.filter((x) => x.kind === 'ccn').length,
    existing: s.filter((x) => x.stage === 'existing').length,
    planned: s.filter((x) => x.stage !== 'existing').length,
    declaredHa: s.reduce((t, x) => t + (x.declaredHa ?? 0), 0),
    clearedHa: r.province.sites > 0 ? r.province.clearedHa : null,
    sample: r.sample,
    asOf: r.asOf,
    leasedHa: sumKnown(s.map((x) => x.leasedHa)),
    availableHa: sumKnown(s.map((x) => x.availableHa)),
  };
}
