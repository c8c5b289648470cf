/**
 * Reads the OpenStreetMap lines for the basemap build (see osmLines.ts) and the boxes of the app's provinces.
 * The files live outside the repository (shared/basemap-osm/, beside the checkout); OSM_LINES_DIR points elsewhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BBox, Feature, LineString } from 'geojson';
import {
  buildOsmRoads,
  buildRailDetail,
  buildRailOverview,
  OsmInputError,
  regionBoxes,
  type OsmRailProps,
  type OsmRoadProps,
} from './osmLines';

export const OSM_FILES = { railways: 'vn-railways.geojson', roads: 'lao-cai-roads.geojson' } as const;

/** Output files in public/basemap/, named in src/map/layers/osmLines.ts too. */
export const OSM_OUTPUT = {
  roads: 'osm-roads.geojson',
  railOverview: 'osm-rail-overview.geojson',
  railDetail: 'osm-rail.geojson',
} as const;

export interface OsmLayers {
  readonly dir: string;
  readonly roads: Feature<LineString, OsmRoadProps>[];
  readonly railOverview: Feature<LineString, OsmRailProps>[];
  readonly railDetail: Feature<LineString, OsmRailProps>[];
  /** provinces whose box keeps the detailed railway */
  readonly regions: string[];
}

export function osmLinesDir(root: string): string {
  return resolve(process.env['OSM_LINES_DIR'] ?? join(root, '..', 'shared', 'basemap-osm'));
}

function readJson(path: string): unknown {
  if (!existsSync(path)) {
    throw new OsmInputError(`${path} is missing: set OSM_LINES_DIR to the folder holding ${OSM_FILES.railways} and ${OSM_FILES.roads}`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** id → bbox of every data/regions/<id>/region.json (the committed provinces, not a KCN_REGIONS_DIR draft). */
export function regionBboxes(root: string): { id: string; bbox: BBox }[] {
  const dir = join(root, 'data', 'regions');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'region.json')))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const region = JSON.parse(readFileSync(join(dir, id, 'region.json'), 'utf8')) as { bbox?: unknown };
      const b = region.bbox;
      if (!Array.isArray(b) || b.length !== 4 || !b.every((x) => typeof x === 'number')) throw new OsmInputError(`${id}/region.json: no bbox`);
      return { id, bbox: b as BBox };
    });
}

export function readOsmLayers(root: string): OsmLayers {
  const dir = osmLinesDir(root);
  const rails = readJson(join(dir, OSM_FILES.railways));
  const regions = regionBboxes(root);
  return {
    dir,
    roads: buildOsmRoads(readJson(join(dir, OSM_FILES.roads))),
    railOverview: buildRailOverview(rails),
    railDetail: buildRailDetail(rails, regionBoxes(regions.map((r) => r.bbox))),
    regions: regions.map((r) => r.id),
  };
}
