// The files a region folder holds. One list, used by the browser loader and the Node scripts.
export const REGION_FILES = {
  region: 'region.json',
  sites: 'sites.geojson',
  roads: 'roads.geojson',
  relocations: 'relocations.geojson',
  landmarks: 'landmarks.geojson',
  clearance: 'clearance.geojson',
  story: 'story.json',
  /** what the documents order, by agency and deadline (optional) */
  tasks: 'tasks.json',
} as const;

export type RegionFileKey = keyof typeof REGION_FILES;
/** a region may have no landmarks, no clearance data, no presentation story and no task list yet */
export const OPTIONAL_FILES: ReadonlySet<RegionFileKey> = new Set(['landmarks', 'clearance', 'story', 'tasks']);
