// Where the browser finds a region's files. Every file under data/regions/<id>/ is emitted as a
// fingerprinted asset; adding a region folder is a data change, picked up at the next build.
import { OPTIONAL_FILES, REGION_FILES, type RegionFileKey } from '../domain/regionFiles';
import type { RegionFiles } from '../domain/types';
import { keepBytes } from './clearanceBytes';

// '@regions' is data/regions unless KCN_REGIONS_DIR says otherwise (vite.config.ts).
const urls = import.meta.glob('@regions/*/*.{json,geojson}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** region id → file name → URL, from the paths the glob found (their last two segments). */
const byRegion = new Map<string, Map<string, string>>();
for (const [path, url] of Object.entries(urls)) {
  const m = /([^/]+)\/([^/]+)$/.exec(path);
  if (!m?.[1] || !m[2]) continue;
  const files = byRegion.get(m[1]) ?? new Map<string, string>();
  files.set(m[2], url);
  byRegion.set(m[1], files);
}

export function availableRegionIds(): string[] {
  return [...byRegion.entries()].filter(([, files]) => files.has(REGION_FILES.region)).map(([id]) => id).sort();
}

export class RegionFetchError extends Error {}

/** `keep`: also keep the bytes beside what was parsed from them (clearanceBytes.ts), for the report worker. */
async function fetchJson(id: string, name: string, fetchImpl: typeof fetch, keep = false): Promise<unknown> {
  const url = byRegion.get(id)?.get(name);
  if (!url) throw new RegionFetchError(`${id}/${name}: thiếu tệp`);
  const res = await fetchImpl(url);
  if (!res.ok) throw new RegionFetchError(`${id}/${name}: tải không được (HTTP ${res.status})`);
  try {
    if (!keep) return await res.json();
    // As res.json() reads it (UTF-8, a byte-order mark dropped), with the bytes kept.
    const bytes = await res.arrayBuffer();
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    keepBytes(parsed, bytes);
    return parsed;
  } catch (e) {
    throw new RegionFetchError(`${id}/${name}: không đọc được JSON (${(e as Error).message})`);
  }
}

// A region's files asked for before React has rendered (main.tsx), handed to the first fetchRegionFiles
// of that region: at a cold start the fetch then overlaps the first render instead of following it.
const early = new Map<string, Promise<RegionFiles>>();

/** Starts fetching a region's files now; the next fetchRegionFiles(id) takes the result. */
export function prefetchRegionFiles(id: string): void {
  if (!byRegion.has(id) || early.has(id)) return;
  const pending = readRegionFiles(id, fetch);
  // A failure is reported by whoever takes the promise; until then it must not count as unhandled.
  pending.catch(() => undefined);
  early.set(id, pending);
}

export async function fetchRegionFiles(id: string, fetchImpl: typeof fetch = fetch): Promise<RegionFiles> {
  const pending = early.get(id);
  if (pending) {
    early.delete(id);
    return pending;
  }
  return readRegionFiles(id, fetchImpl);
}

async function readRegionFiles(id: string, fetchImpl: typeof fetch): Promise<RegionFiles> {
  const out: Partial<Record<RegionFileKey, unknown>> = {};
  await Promise.all(
    (Object.entries(REGION_FILES) as [RegionFileKey, string][]).map(async ([key, name]) => {
      if (!byRegion.get(id)?.has(name) && OPTIONAL_FILES.has(key)) return;
      out[key] = await fetchJson(id, name, fetchImpl, key === 'clearance');
    }),
  );
  return out as RegionFiles;
}

/** The shipped text of each of a region's files (name → text), for the data editor: a file the edits leave
 *  alone is exported as it was shipped, byte for byte. */
export async function fetchRegionTexts(id: string, fetchImpl: typeof fetch = fetch): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await Promise.all(
    [...(byRegion.get(id) ?? new Map<string, string>()).entries()].map(async ([name, url]) => {
      const res = await fetchImpl(url);
      if (!res.ok) throw new RegionFetchError(`${id}/${name}: tải không được (HTTP ${res.status})`);
      out.set(name, await res.text());
    }),
  );
  return out;
}
