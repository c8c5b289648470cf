// Search box results: sites found by name or by commune, ignoring diacritics and case
// ("tang loong" → Tằng Loỏng), best matches first.
import type { SiteProperties } from './schema';
import { searchText } from './siteFilter';
import { foldVietnamese, matchesQuery } from './text';

export interface SearchHit {
  id: string;
  /** why it matched: its name, or the commune/district it lies in */
  matchedBy: 'name' | 'place';
}

function words(s: string): string[] {
  return foldVietnamese(s).split(/\s+/).filter(Boolean);
}

function rank(p: SiteProperties, query: string): number | null {
  const q = words(query).join(' ');
  const names = [p.name.vi, p.name.en].map((n) => words(n).join(' '));
  // 0: the name begins with the query; 1: every word is in the name; 2: in the commune or district;
  // 3: the words are spread over name and place ("ccn gia phu").
  if (names.some((n) => n.startsWith(q))) return 0;
  if (names.some((n) => matchesQuery(n, query))) return 1;
  const place = [p.commune, p.communeOld, p.district].filter(Boolean).join(' ');
  if (matchesQuery(place, query)) return 2;
  if (matchesQuery(searchText(p), query)) return 3;
  return null;
}

export function searchSites(sites: readonly { properties: SiteProperties }[], query: string, limit = 8): SearchHit[] {
  if (words(query).length === 0) return [];
  const hits: { p: SiteProperties; r: number }[] = [];
  for (const s of sites) {
    const r = rank(s.properties, query);
    if (r !== null) hits.push({ p: s.properties, r });
  }
  hits.sort(
    (a, b) =>
      a.r - b.r ||
      // Parks before clusters, then alphabetical as Vietnamese sorts.
      (a.p.kind === b.p.kind ? 0 : a.p.kind === 'kcn' ? -1 : 1) ||
      a.p.name.vi.localeCompare(b.p.name.vi, 'vi'),
  );
  return hits.slice(0, limit).map(({ p, r }) => ({ id: p.id, matchedBy: r <= 1 ? 'name' : 'place' }));
}
