// Reading region folders from disk for the Node scripts (validate-data, bench, report).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONAL_FILES, REGION_FILES, type RegionFileKey } from '../src/domain/regionFiles.ts';
import type { RegionFiles } from '../src/domain/types.ts';

/** data/regions, or another folder laid out the same way (KCN_REGIONS_DIR), e.g. a province's draft */
export const REGIONS_DIR = process.env['KCN_REGIONS_DIR'] ?? join(import.meta.dirname, '..', 'data', 'regions');

export function listRegionIds(dir = REGIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, REGION_FILES.region)))
    .map((d) => d.name)
    .sort();
}

export class RegionReadError extends Error {}

/** Reads and JSON-parses a region's files; a missing or unparsable file throws with its path. */
export function readRegionFiles(id: string, dir = REGIONS_DIR): RegionFiles {
  const out: Partial<Record<RegionFileKey, unknown>> = {};
  for (const [key, name] of Object.entries(REGION_FILES) as [RegionFileKey, string][]) {
    const path = join(dir, id, name);
    if (!existsSync(path)) {
      if (OPTIONAL_FILES.has(key)) continue;
      throw new RegionReadError(`${path}: thiếu tệp`);
    }
    try {
      out[key] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new RegionReadError(`${path}: không đọc được JSON (${(e as Error).message})`);
    }
  }
  return out as RegionFiles;
}

export interface RegionName {
  id: string;
  name: { vi: string; en: string };
}

/**
 * Every region folder of `dir` with its name, sorted as a Vietnamese reader expects, for the app's
 * province switcher (vite.config.ts builds it in). A region.json that cannot be read, or has no name, is
 * listed by its folder's name: opening it in the app shows what is wrong.
 */
export function readRegionIndex(dir = REGIONS_DIR): RegionName[] {
  if (!existsSync(dir)) return [];
  return listRegionIds(dir)
    .map((id) => {
      let name: { vi?: unknown; en?: unknown } | undefined;
      try {
        name = (JSON.parse(readFileSync(join(dir, id, REGION_FILES.region), 'utf8')) as { name?: typeof name }).name;
      } catch {
        name = undefined;
      }
      const vi = typeof name?.vi === 'string' ? name.vi : id;
      const en = typeof name?.en === 'string' ? name.en : vi;
      return { id, name: { vi, en } };
    })
    .sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'));
}
