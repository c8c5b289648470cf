// What an investor reads first about a site's land: how much is let, how much is left, how full it
// is. One definition serves the fact sheet, the site table, the filters, the overview, the report and
// the exports, so the "còn ≥ 10 ha" filter keeps exactly the sites whose table cell shows ≥ 10 ha.
import type { Region, SiteProperties } from './schema';
import type { SourceField } from './schemaFields';
import { stageOf } from './siteClass';

export interface AvailableLand {
  ha: number;
  /** true when derived from the leased area and the occupancy rate, false when a source gives it */
  computed: boolean;
  /** the land for lease the occupancy rate is measured against (leased ÷ occupancy), when computed */
  leasableHa: number | null;
}

/**
 * Land still to let. A source's own figure when it gives one; otherwise, for a site in operation or
 * under construction with land already let, leased ÷ occupancy − leased. Declared area minus leased
 * would count roads, green belts and plant land as free: a cluster 100% let would still show hectares.
 * Without land let yet (occupancy 0) nothing can be derived, and null says so rather than 0.
 */
export function availableLand(p: Pick<SiteProperties, 'availableHa' | 'leasedHa' | 'occupancyPct' | 'status'>): AvailableLand | null {
  if (p.availableHa !== undefined) return { ha: p.availableHa, computed: false, leasableHa: null };
  const { leasedHa, occupancyPct } = p;
  if (leasedHa === undefined || occupancyPct === undefined || stageOf(p.status) !== 'existing') return null;
  if (leasedHa <= 0 || occupancyPct <= 0) return null;
  const leasableHa = (leasedHa * 100) / occupancyPct;
  // Rounding in the source (e.g. 98.4% of 4.2 ha) must not produce a negative remainder.
  return { ha: Math.max(0, leasableHa - leasedHa), computed: true, leasableHa };
}

/** The investor figures a source may give, in the order the fact sheet and the exports show them. */
export const INVESTOR_FIELDS = [
  'occupancyPct',
  'leasedHa',
  'availableHa',
  'enterprises',
  'industries',
  'yearEstablished',
  'infrastructure',
  'direction',
] as const satisfies readonly (SourceField & keyof SiteProperties)[];

/**
 * The date the investor figures describe: the date of the source backing the occupancy or the leased
 * area (a portal's report date), or null when no dated source backs them.
 */
export function investorFiguresAsOf(p: Pick<SiteProperties, 'sources'>, sources: Region['sources']): string | null {
  for (const ref of p.sources) {
    if (!INVESTOR_FIELDS.some((f) => ref.about.includes(f))) continue;
    const date = sources[ref.doc]?.date;
    if (date) return date;
  }
  return null;
}
