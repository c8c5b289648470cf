// Reads an OpenStreetMap extract (.osm.pbf, or .osm XML) with Debian's osmium-tool: keep only the tags the
// basemap uses (tags-filter, one pass over the whole country file), cut each region's box (extract, "smart"
// strategy: ways and multipolygons that cross the box edge stay whole), and export GeoJSON, assembling
// multipolygon relations into areas. osmium is a maintained C++ tool and streams a 300 MB country extract
// in well under a minute; a JavaScript PBF reader would leave the multipolygon assembly to us.
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { OSMIUM_FILTERS } from './classify';

export const OSMIUM_INSTALL = 'sudo apt-get install -y osmium-tool   (or: scripts/ensure-osmium.sh)';

export class OsmiumMissing extends Error {}

/** osmium's version line, or OsmiumMissing saying how to install it. */
export function osmiumVersion(): string {
  try {
    return execFileSync('osmium', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch {
    throw new OsmiumMissing(`osmium (Debian package osmium-tool) is not installed: ${OSMIUM_INSTALL}`);
  }
}

function osmium(args: string[]): void {
  execFileSync('osmium', [...args, '--no-progress'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The extract reduced to the objects the basemap can use (and the nodes their ways need). */
export function filterExtract(input: string, workDir: string): string {
  const out = join(workDir, 'filtered.osm.pbf');
  osmium(['tags-filter', input, ...OSMIUM_FILTERS, '-o', out, '--overwrite']);
  return out;
}

/** One region's box of the filtered extract, exported as GeoJSON features (properties = OSM tags). */
export async function* exportBox(filtered: string, bbox: readonly [number, number, number, number], workDir: string, name: string): AsyncGenerator<Feature> {
  const box = join(workDir, `${name}.osm.pbf`);
  osmium(['extract', '--bbox', bbox.join(','), '--strategy', 'smart', filtered, '-o', box, '--overwrite']);
  const child = spawn('osmium', ['export', box, '-f', 'geojsonseq', '-x', 'print_record_separator=false', '--add-unique-id=type_id', '-o', '-', '--no-progress'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.trim()) yield JSON.parse(line) as Feature;
  }
  const code = await done;
  if (code !== 0) throw new Error(`osmium export ${box} failed (exit ${code})`);
}
