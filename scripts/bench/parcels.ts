// Large clearance data for the benchmarks: N seeded random parcels spread over the Lào Cai sites that
// have an outline, each batch around its site's point, and a temporary regions folder holding Lào Cai
// with those parcels as its clearance.geojson (for a build of the app and of the bare page).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareRegion, type PreparedRegion } from '../../src/domain/prepare';
import type { ClearanceProperties } from '../../src/domain/schema';
import { validateRegion } from '../../src/domain/validate';
import { randomParcels } from '../../tests/fixtures/clearance/builders';
import { readRegionFiles, REGIONS_DIR } from '../regionFs';

export function laoCai(dir = REGIONS_DIR): PreparedRegion {
  const data = validateRegion(readRegionFiles('lao-cai', dir)).data;
  if (!data) throw new Error('Lào Cai data is invalid: run npm run validate:data');
  return prepareRegion(data);
}

/** `n` parcels over the region's sites with an outline; ids unique across sites. */
export function siteParcels(
  region: PreparedRegion,
  n: number,
  seed: number,
  opts: { asOf?: string; doc?: string } = {},
): Feature<Geometry | null, ClearanceProperties>[] {
  const sites = region.siteAnchors.features.filter((f) => f.properties.hasOutline);
  const per = Math.ceil(n / sites.length);
  return sites
    .flatMap((s, i) => {
      const [lon, lat] = s.geometry.coordinates as [number, number];
      const spanDeg = Math.max(0.004, Math.sqrt(s.properties.areaHa) / 1100);
      // Ids must be unique across sites: the same id at the same date would be one parcel's history.
      return randomParcels(per, seed + i, {
        lon0: lon - spanDeg / 2,
        lat0: lat - spanDeg / 2,
        spanDeg,
        coverage: 1,
        siteId: s.properties.id,
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
      }).map((f) => ({
        ...f,
        properties: {
          ...f.properties,
          id: `${s.properties.id}-${f.properties.id}`,
          // Synthetic figures: flagged as sample, citing a document the region lists (validation checks it).
          sample: true,
          ...(opts.doc ? { sources: [{ doc: opts.doc, where: 'benchmark', about: ['clearance' as const] }] } : {}),
        },
      }));
    })
    .slice(0, n);
}

/**
 * A temporary regions folder with Lào Cai only, its clearance.geojson replaced by `n` parcels dated
 * on or before the region's report date (so the app draws them all). Checked by the app's own validation.
 */
export function parcelRegionsDir(n: number): { dir: string; parcels: number; bbox: [number, number, number, number] } {
  const region = laoCai();
  const dir = mkdtempSync(join(tmpdir(), 'kcn-bench-regions-'));
  cpSync(join(REGIONS_DIR, 'lao-cai'), join(dir, 'lao-cai'), { recursive: true });
  const doc = Object.keys(region.data.region.sources)[0];
  const features = siteParcels(region, n, 2026, { asOf: '2026-06-30', ...(doc ? { doc } : {}) });
  const clearance: FeatureCollection<Geometry | null, ClearanceProperties> = { type: 'FeatureCollection', features };
  writeFileSync(join(dir, 'lao-cai', 'clearance.geojson'), JSON.stringify(clearance));
  const check = validateRegion(readRegionFiles('lao-cai', dir));
  if (!check.data) throw new Error(`generated clearance data is invalid: ${JSON.stringify(check.issues.slice(0, 3))}`);
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const rings = f.geometry?.type === 'Polygon' ? f.geometry.coordinates : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : [];
    for (const [x, y] of rings.flat() as [number, number][]) {
      bbox[0] = Math.min(bbox[0], x);
      bbox[1] = Math.min(bbox[1], y);
      bbox[2] = Math.max(bbox[2], x);
      bbox[3] = Math.max(bbox[3], y);
    }
  }
  return { dir, parcels: features.length, bbox };
}

/**
 * A `map=zoom/lat/lon` view showing `bbox` in a map of `w` × `h` px, at zoom `minZoom` or more (the
 * clearance layers start at zoom 9: below it nothing is drawn). Web Mercator, 512-px world at zoom 0.
 */
export function viewOf(bbox: [number, number, number, number], w: number, h: number, minZoom: number): { param: string; zoom: number; fits: boolean } {
  const x = (lon: number) => ((lon + 180) / 360) * 512;
  const y = (lat: number) => ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360) * 512;
  const fit = Math.log2(Math.min((w - 40) / (x(bbox[2]) - x(bbox[0])), (h - 40) / (y(bbox[1]) - y(bbox[3]))));
  const zoom = Math.max(minZoom, Math.floor(fit * 100) / 100);
  const lon = (bbox[0] + bbox[2]) / 2;
  const lat = (bbox[1] + bbox[3]) / 2;
  return { param: `map=${zoom.toFixed(2)}/${lat.toFixed(5)}/${lon.toFixed(5)}`, zoom, fits: fit >= minZoom };
}
