// Re-adds a document's table from the site rows and shows where they differ: planners see both
// numbers and the difference (e.g. "about 738 ha" for 14 clusters whose rows sum to 708.28 ha).
import type { DocumentTable, SiteProperties } from '../domain/schema';
import type { RegionData } from '../domain/types';

export interface Figures {
  count: number;
  areaHa: number;
  /** share of the table's total area, in % */
  sharePct: number;
}

export interface FigureCheck {
  key: string;
  document: { count?: number; areaHa?: number; sharePct?: number };
  computed: Figures;
  /** computed − document for each figure the document gives */
  diff: { count?: number; areaHa?: number; sharePct?: number };
  matches: boolean;
  /** the area matches only at the document's own, coarser rounding (418,5 for 418,49 ha) */
  rounded: boolean;
}

export interface TableCheck {
  table: DocumentTable;
  rows: FigureCheck[];
  /** groups found in the rows that the document does not list */
  extraKeys: string[];
  total: FigureCheck;
  matches: boolean;
  /** sites of the table without a declared area (counted, but adding 0 ha) */
  withoutArea: string[];
}

// Documents give hectares to the hundredth: they must match to the hundredth. Shares are printed to
// two decimals, some rounded and some cut off within one table (QĐ 609 has 30.99 for 30.9966 but 12.56
// for 12.5599), so a share within 0.01 point of ours counts as the same.
const HA_TOL = 0.005;
const PCT_TOL = 0.0100001;

/** Decimals a document printed a figure with (418.5 → 1, 738 → 0): its rounding is its own precision. */
export function decimalsOf(x: number): number {
  const s = String(x);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Half a unit of the last printed decimal: within it, our sum and the document's figure are the same number. */
export function roundingTolerance(documentHa: number): number {
  return Math.max(HA_TOL, 0.5 * 10 ** -decimalsOf(documentHa) + 1e-9);
}

function groupKey(p: SiteProperties, by: NonNullable<DocumentTable['groupBy']>): string {
  switch (by) {
    case 'district':
      return p.district ?? '—';
    case 'commune':
      return p.commune;
    case 'phase':
      return p.phase ?? '—';
    case 'status':
      return p.status;
    case 'kind':
      return p.kind;
  }
}

function check(key: string, doc: FigureCheck['document'], computed: Figures): FigureCheck {
  const diff: FigureCheck['diff'] = {};
  if (doc.count !== undefined) diff.count = computed.count - doc.count;
  if (doc.areaHa !== undefined) diff.areaHa = computed.areaHa - doc.areaHa;
  if (doc.sharePct !== undefined) diff.sharePct = computed.sharePct - doc.sharePct;
  const areaOk = diff.areaHa === undefined || doc.areaHa === undefined || Math.abs(diff.areaHa) < roundingTolerance(doc.areaHa);
  const matches =
    (diff.count === undefined || diff.count === 0) &&
    areaOk &&
    (diff.sharePct === undefined || Math.abs(diff.sharePct) < PCT_TOL);
  const rounded = areaOk && diff.areaHa !== undefined && Math.abs(diff.areaHa) >= HA_TOL;
  return { key, document: doc, computed, diff, matches, rounded };
}

/** Sums rounded to the hundredth, as the documents print them (float noise must not show as a difference). */
const r2 = (x: number) => Math.round(x * 100) / 100;

export function checkTable(table: DocumentTable, data: RegionData): TableCheck {
  const byId = new Map(data.sites.features.map((f) => [f.properties.id, f.properties]));
  const sites = table.siteIds.map((id) => byId.get(id)).filter((p): p is SiteProperties => p !== undefined);
  const totalHa = sites.reduce((s, p) => s + (p.declaredAreaHa ?? 0), 0);
  const figures = (group: SiteProperties[]): Figures => {
    const areaHa = group.reduce((s, p) => s + (p.declaredAreaHa ?? 0), 0);
    // An expansion adds area to its site, not a site to the count (as the decisions count them).
    const count = group.filter((p) => !p.expansionOf).length;
    return { count, areaHa: r2(areaHa), sharePct: totalHa > 0 ? r2((100 * areaHa) / totalHa) : 0 };
  };
  const groups = new Map<string, SiteProperties[]>();
  if (table.groupBy) {
    for (const p of sites) {
      const k = groupKey(p, table.groupBy);
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
  }
  const rows = table.rows.map((row) => {
    const { key, ...doc } = row;
    return check(key, doc, figures(groups.get(key) ?? []));
  });
  const listed = new Set(table.rows.map((r) => r.key));
  const extraKeys = [...groups.keys()].filter((k) => !listed.has(k)).sort();
  const total = check('total', table.total ?? {}, figures(sites));
  return {
    table,
    rows,
    extraKeys,
    total,
    matches: rows.every((r) => r.matches) && total.matches && extraKeys.length === 0,
    withoutArea: sites.filter((p) => p.declaredAreaHa === undefined).map((p) => p.id),
  };
}

export function checkTables(data: RegionData): TableCheck[] {
  return data.region.documentTables.map((t) => checkTable(t, data));
}
