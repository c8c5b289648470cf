// The edited region as a folder (zip) that replaces data/regions/<id>/ as it is. The files are written
// the way the shipped ones are laid out (two-space indent, short lists of plain values on one line),
// so a file the edits did not touch comes out byte for byte the same and a reviewer's `git diff`
// shows only what changed.
import { zipSync, strToU8 } from 'fflate';
import { REGION_FILES, type RegionFileKey } from '../../domain/regionFiles';
import type { RegionFiles } from '../../domain/types';

const INLINE_MAX = 100;

function format(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const plain = value.every((v) => v === null || typeof v !== 'object');
    if (plain) {
      const line = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (line.length <= INLINE_MAX) return line;
    }
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** A region file's text as the project keeps it (ends with a newline). */
export function regionFileText(value: unknown): string {
  return format(value, '') + '\n';
}

/**
 * The folder's files, named as in data/regions/<id>/; optional files the region lacks are left out.
 * `shipped` holds the shipped texts: a file whose content the edits leave as it was keeps its text
 * (the shipped files are laid out by hand, which no formatter reproduces exactly).
 */
export function regionFolderFiles(files: RegionFiles, shipped: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, name] of Object.entries(REGION_FILES) as [RegionFileKey, string][]) {
    if (files[key] === undefined) continue;
    const text = shipped.get(name);
    out.set(name, text !== undefined && unchanged(text, files[key]) ? text : regionFileText(files[key]));
  }
  return out;
}

function unchanged(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/** A zip holding `<id>/region.json`, `<id>/sites.geojson`… ready to unpack over data/regions/. */
export function regionFolderZip(regionId: string, files: RegionFiles, shipped: ReadonlyMap<string, string> = new Map()): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of regionFolderFiles(files, shipped)) entries[`${regionId}/${name}`] = strToU8(text);
  return zipSync(entries, { level: 6 });
}
