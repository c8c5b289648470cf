import type { PreparedRegion } from '../domain/prepare';
import { applyLinks, resolveLinks, type ResolvedLink, type SiteLink } from '../domain/siteLinks';
import { applySketches, type Sketch } from '../domain/sketches';
import type { ImportedLayer } from '../domain/importedLayer';

/**
 * The shown region from the loaded one, the links and the sketches. It remembers its last answer, so a
 * change that moves no linked polygon and no tagged sketch (a colour, a toggle, another layer, a line)
 * keeps the same region object and nothing downstream (map sources, report) recomputes.
 */
export function regionDeriver() {
  let last: { base: PreparedRegion; resolved: ResolvedLink[]; tagged: Sketch[]; region: PreparedRegion } | null = null;
  const same = (a: ResolvedLink[], b: ResolvedLink[]) =>
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.siteId === y.siteId && x.geometry === y.geometry && x.source.layerName === y.source.layerName && x.source.fileName === y.source.fileName && x.source.featureName === y.source.featureName && x.source.repaired === y.source.repaired;
    });
  const sameSketches = (a: Sketch[], b: Sketch[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return (base: PreparedRegion | null, imports: ImportedLayer[], links: SiteLink[], sketches: Sketch[]): PreparedRegion | null => {
    if (!base) return null;
    const resolved = links.length === 0 ? [] : resolveLinks(links, imports);
    const tagged = sketches.filter((x) => x.clearance !== null);
    if (last && last.base === base && same(last.resolved, resolved) && sameSketches(last.tagged, tagged)) return last.region;
    const region = applySketches(applyLinks(base, resolved), tagged);
    last = { base, resolved, tagged, region };
    return region;
  };
}
export type DeriveRegion = ReturnType<typeof regionDeriver>;
