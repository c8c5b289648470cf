// The parcels of one site: validate (rule 7), dissolve overlaps (rule 3), clip to a boundary
// (rule 4) and measure (rule 5). Components of the "may overlap" graph are dissolved one by one, so
// a parcel that overlaps nothing is simply summed.
import { SegmentGrid } from '../../geo/segmentGrid';
import type { Shape } from '../../geo/shape';
import { dissolveSafely } from './dissolve';
import { outlineAreaHa, parseShape, STATUSES, uniqueDocs, type Member, type Parcel, type SiteInfo, type Strategy, type Sums } from './model';
import { overlapGraph } from './overlapGraph';
import type { ClearanceWarning, SiteClearance } from './types';
import { timed } from '../stepTimes';

export function parcelsOfSite(
  site: SiteInfo,
  parcels: Parcel[],
  strategy: Strategy,
  warnings: ClearanceWarning[],
): Omit<SiteClearance, 'siteId' | 'commune' | 'siteAreaHa' | 'outlineQuality' | 'warnings'> {
  const siteId = site.props.id;
  const members: Member[] = [];
  timed('parse + validate parcels', () => {
    for (const e of parcels) {
      e.shape ??= parseShape(e.geometry);
      const s = e.shape;
      // Rule 7: a broken parcel (a bow-tie, a hole outside its ring…) is named and left out: its area
      // is not a number anyone could defend, and Turf may throw or answer nonsense on it.
      if (!s.ok) {
        warnings.push({
          kind: 'invalid-geometry',
          siteId,
          entryId: e.props.id,
          asOf: e.props.asOf,
          reason: s.reason,
          ...(s.at ? { at: s.at } : {}),
        });
        continue;
      }
      members.push({ entry: e, shape: s.shape });
    }
  });

  // Rule 4: clip only to a boundary. An indicative footprint is a circle of the declared area at the
  // located point, not a boundary: clipping real parcels to it would throw away real land.
  let outline: Shape | null = null;
  let grid: SegmentGrid | null = null;
  const q = site.props.geometryQuality;
  if (q === 'surveyed' || q === 'provisional') {
    if (!site.outline) {
      warnings.push({ kind: 'no-outline', siteId });
    } else {
      site.outlineShape ??= parseShape(site.outline);
      const os = site.outlineShape;
      if (!os.ok) warnings.push({ kind: 'invalid-outline', siteId, reason: os.reason });
      else {
        outline = os.shape;
        site.outlineIndex ??= new SegmentGrid(outline);
        grid = site.outlineIndex;
      }
    }
  }

  const dissolved: Sums = { cleared: 0, 'in-progress': 0, 'not-started': 0 };
  const kept: Sums = { cleared: 0, 'in-progress': 0, 'not-started': 0 };
  let rawHa = 0;
  // 'union-all' (the reference): the whole site is one component and Turf dissolves it.
  const graph = strategy === 'union-all' ? null : timed('overlap graph', () => overlapGraph(members));
  const components = graph ? graph.components : [members.map((_, i) => i)];
  timed('dissolve + measure', () => {
    for (const idx of components) {
      if (idx.length === 0) continue;
      if (idx.length === 1 && !outline && members[idx[0]!]!.shape.simple) {
        // The common case, kept cheap: a plain parcel overlapping nothing, nothing to clip.
        const m = members[idx[0]!]!;
        const st = m.entry.props.status;
        rawHa += m.shape.areaHa;
        dissolved[st] += m.shape.areaHa;
        kept[st] += m.shape.areaHa;
        continue;
      }
      const comp = idx.map((i) => members[i]!);
      const adjacency = graph && idx.length > 1 ? graph.adjacency(idx) : null;
      const res = dissolveSafely(comp, adjacency, outline, grid, siteId, warnings);
      rawHa += res.rawHa;
      for (const st of STATUSES) {
        dissolved[st] += res.dissolved[st];
        kept[st] += res.kept[st];
      }
    }
  });
  const dissolvedHa = dissolved.cleared + dissolved['in-progress'] + dissolved['not-started'];
  const keptHa = kept.cleared + kept['in-progress'] + kept['not-started'];
  const siteAreaHa = site.props.declaredAreaHa ?? outlineAreaHa(site);
  const usedEntries = members.map((m) => m.entry);
  return {
    method: 'parcels',
    dataAsOf: usedEntries.reduce<string | null>((d, e) => (d === null || e.props.asOf > d ? e.props.asOf : d), null),
    clearedHa: kept.cleared,
    inProgressHa: kept['in-progress'],
    notStartedHa: kept['not-started'],
    remainingHa: siteAreaHa !== null ? Math.max(0, siteAreaHa - kept.cleared - kept['in-progress']) : null,
    // Round-off of Turf's output can make these a hair below 0; they are areas, so never negative.
    clippedAwayHa: Math.max(0, dissolvedHa - keptHa),
    overlapHa: Math.max(0, rawHa - dissolvedHa),
    clipped: outline !== null,
    sample: usedEntries.some((e) => e.props.sample),
    sourceDocs: uniqueDocs(usedEntries),
    entryIds: usedEntries.map((e) => e.props.id),
  };
}
