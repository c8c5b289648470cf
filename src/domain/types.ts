// Typed shapes of a loaded region. The files are validated by ./validate before they become these.
import type { FeatureCollection, Geometry } from 'geojson';
import type {
  ClearanceProperties,
  LandmarkProperties,
  Region,
  RelocationProperties,
  RoadProperties,
  SiteProperties,
} from './schema';
import type { Story } from './story';
import type { Task } from './obligations';

export type { ClearanceProperties, LandmarkProperties, Region, RelocationProperties, RoadProperties, SiteProperties };

/** The raw JSON of a region's files, before validation. */
export interface RegionFiles {
  region: unknown;
  sites: unknown;
  roads: unknown;
  relocations: unknown;
  landmarks?: unknown;
  clearance?: unknown;
  /** story.json: the presentation's slides */
  story?: unknown;
  /** tasks.json: what the documents order */
  tasks?: unknown;
}

export interface RegionData {
  region: Region;
  /** null geometry: named in a source but not located */
  sites: FeatureCollection<Geometry | null, SiteProperties>;
  roads: FeatureCollection<Geometry | null, RoadProperties>;
  relocations: FeatureCollection<Geometry | null, RelocationProperties>;
  landmarks: FeatureCollection<Geometry | null, LandmarkProperties>;
  /** parcels (Polygon/MultiPolygon) and records (null geometry) */
  clearance: FeatureCollection<Geometry | null, ClearanceProperties>;
  /** the presentation story, or null when the region has none */
  story: Story | null;
  /** what the documents order (tasks.json), empty when the region has none */
  tasks: Task[];
}
