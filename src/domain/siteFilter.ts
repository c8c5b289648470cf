// Which sites a filter keeps. One definition serves the list, the map and the shareable link, so the
// three always show the same sites.
import type { SiteProperties, SiteStatus } from './schema';
import { stageOf } from './siteClass';
import { matchesQuery } from './text';
import { availableLand } from './investorFigures';

export type WastewaterFilter = 'all' | NonNullable<SiteProperties['wastewater']>;

export interface SiteFilter {
  /** free text, matched without diacritics or case against names (both languages), commune, old commune, district */
  text: string;
  kind: 'all' | 'kcn' | 'ccn';
  stage: 'all' | 'existing' | 'planned';
  /** statuses to keep; empty keeps every status */
  statuses: SiteStatus[];
  /** planning period as the data writes it (e.g. "2026-2030"); null keeps every period */
  phase: string | null;
  /** declared area range in ha; a site without a declared area fails any range */
  minHa: number | null;
  maxHa: number | null;
  wastewater: WastewaterFilter;
  /** land still to let at least this many ha; a site without the figure fails */
  minAvailableHa: number | null;
  /** occupancy strictly below this %; a site without the figure fails */
  maxOccupancyPct: number | null;
  /** only these sites (click-through from a target); null for all */
  ids: string[] | null;
  /** label of the id restriction, e.g. the target's name */
  idsLabel: string | null;
}

export const NO_FILTER: SiteFilter = {
  text: '',
  kind: 'all',
  stage: 'all',
  statuses: [],
  phase: null,
  minHa: null,
  maxHa: null,
  wastewater: 'all',
  minAvailableHa: null,
  maxOccupancyPct: null,
  ids: null,
  idsLabel: null,
};

export function isFilterActive(f: SiteFilter): boolean {
  return (
    f.text.trim() !== '' ||
    f.kind !== 'all' ||
    f.stage !== 'all' ||
    f.statuses.length > 0 ||
    f.phase !== null ||
    f.minHa !== null ||
    f.maxHa !== null ||
    f.wastewater !== 'all' ||
    f.minAvailableHa !== null ||
    f.maxOccupancyPct !== null ||
    f.ids !== null
  );
}

/** The words a site can be found by: names in both languages and other sources' names, communes old and new, district. */
export function searchText(p: SiteProperties): string {
  return [p.kind, p.name.vi, p.name.en, p.commune, p.communeOld, p.district, ...(p.aliases ?? []).map((a) => a.name)].filter(Boolean).join(' ');
}

export function siteMatches(p: SiteProperties, f: SiteFilter): boolean {
  if (f.ids !== null && !f.ids.includes(p.id)) return false;
  if (f.kind !== 'all' && p.kind !== f.kind) return false;
  if (f.stage !== 'all') {
    const stage = stageOf(p.status);
    // Withdrawn sites are listed with the planned ones, as the legend groups them.
    if (!(stage === f.stage || (f.stage === 'planned' && stage === 'withdrawn'))) return false;
  }
  if (f.statuses.length > 0 && !f.statuses.includes(p.status)) return false;
  if (f.phase !== null && p.phase !== f.phase) return false;
  if (f.minHa !== null || f.maxHa !== null) {
    const a = p.declaredAreaHa;
    if (a === undefined) return false;
    if (f.minHa !== null && a < f.minHa) return false;
    if (f.maxHa !== null && a > f.maxHa) return false;
  }
  if (f.wastewater !== 'all' && p.wastewater !== f.wastewater) return false;
  if (f.minAvailableHa !== null && !((availableLand(p)?.ha ?? -1) >= f.minAvailableHa)) return false;
  if (f.maxOccupancyPct !== null && !(p.occupancyPct !== undefined && p.occupancyPct < f.maxOccupancyPct)) return false;
  if (f.text.trim() !== '' && !matchesQuery(searchText(p), f.text)) return false;
  return true;
}

/** Ids of the sites the filter keeps, in data order. */
export function filterSiteIds(sites: readonly { properties: SiteProperties }[], f: SiteFilter): string[] {
  return sites.filter((s) => siteMatches(s.properties, f)).map((s) => s.properties.id);
}

/** The planning periods the data uses, for the phase filter's choices. */
export function phasesOf(sites: readonly { properties: SiteProperties }[]): string[] {
  return [...new Set(sites.flatMap((s) => (s.properties.phase ? [s.properties.phase] : [])))].sort();
}
