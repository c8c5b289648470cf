// Search box results: sites found by name or by commune, ignoring diacritics and case
// ("tang loong" → Tằng Loỏng), best matches first. A near-miss still finds the name: a missing space
// ("thongnhat") or one letter missing, extra or wrong ("tang long" → Tằng Loỏng).
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
  // 4: a near-miss of the name, spaces ignored. Only for queries of 5+ letters: with fewer, one edit
  // matches almost any name.
  const compact = q.replace(/\s+/g, '');
  if (compact.length >= 5 && names.some((n) => nearSubstringDistance(compact, n.replace(/\s+/g, '')) <= 1)) return 4;
  return null;
}

/**
 * The fewest letter edits (insert, delete, change) that turn `needle` into some part of `hay` (Sellers'
 * approximate substring match). A hand-written 15 lines instead of a fuzzy-search library: fuse.js and
 * the like score by a threshold over the whole string, which on names this short lets unrelated ones
 * through or ranks them unpredictably; "at most one edit" is the rule users expect and a test can state.
 */
export function nearSubstringDistance(needle: string, hay: string): number {
  let prev = new Array<number>(hay.length + 1).fill(0); // a match may start anywhere in hay
  for (let i = 1; i <= needle.length; i++) {
    const cur = [i];
    for (let j = 1; j <= hay.length; j++) {
      const change = prev[j - 1]! + (needle[i - 1] === hay[j - 1] ? 0 : 1);
      cur.push(Math.min(change, prev[j]! + 1, cur[j - 1]! + 1));
    }
    prev = cur;
  }
  return Math.min(...prev); // and end anywhere
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
  return hits.slice(0, limit).map(({ p, r }) => ({ id: p.id, matchedBy: r <= 1 || r === 4 ? 'name' : 'place' }));
}
