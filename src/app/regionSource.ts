// Where the browser finds a region's files. Every file under data/regions/<id>/ is emitted as a
// fingerprinted asset; adding a region folder is a data change, picked up at the next build.
import { OPTIONAL_FILES, REGION_FILES, type RegionFileKey } from '../domain/regionFiles';
import type { RegionFiles } from '../domain/types';

const urls = import.meta.glob('../../data/regions/*/*.{json,geojson}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export function availableRegionIds(): string[] {
  const ids = new Set<string>();
  for (const path of Object.keys(urls)) {
    const m = /data\/regions\/([^/]+)\/region\.json$/.exec(path);
    if (m?.[1]) ids.add(m[1]);
  }
  return [...ids].sort();
}

export class RegionFetchError extends Error {}

export async function fetchRegionFiles(id: string, fetchImpl: typeof fetch = fetch): Promise<RegionFiles> {
  const out: Partial<Record<RegionFileKey, unknown>> = {};
  await Promise.all(
    (Object.entries(REGION_FILES) as [RegionFileKey, string][]).map(async ([key, name]) => {
      const url = urls[`../../data/regions/${id}/${name}`];
      if (!url) {
        if (OPTIONAL_FILES.has(key)) return;
        throw new RegionFetchError(`${id}/${name}: thiếu tệp`);
      }
      const res = await fetchImpl(url);
      if (!res.ok) throw new RegionFetchError(`${id}/${name}: tải không được (HTTP ${res.status})`);
      try {
        out[key] = await res.json();
      } catch (e) {
        throw new RegionFetchError(`${id}/${name}: không đọc được JSON (${(e as Error).message})`);
      }
    }),
  );
  return out as RegionFiles;
}
