// Colours of the map and the legend, in one place. Blue/orange tell KCN from CCN for every common
// colour-vision deficiency and stay apart on a washed-out projector; fill strength tells existing from planned.
export const COLORS = {
  kcn: '#1f5fa8',
  kcnDark: '#0d3a6e',
  ccn: '#d9730d',
  ccnDark: '#8a4300',
  withdrawn: '#8c8c8c',
  /** a site whose status no source states: white inside, a grey edge */
  unstated: '#ffffff',
  unstatedEdge: '#6b6b6b',
  selected: '#111111',
  /** a slide's highlighted sites: magenta-red, apart from both kind colours and from the connector pink at projector contrast */
  highlight: '#d0021b',
  connector: '#b5177a',
  roadCasing: '#ffffff',
  relocation: '#c62828',
  landmark: '#37474f',
  water: '#b9d3e6',
  river: '#7fa9cc',
  land: '#f6f4ef',
  neighbour: '#e3e0d8',
  regionFill: '#fffdf6',
  provinceLine: '#b4ada0',
  regionLine: '#5b4f3a',
  border: '#7a6f5c',
  placeText: '#4a4a4a',
  halo: '#ffffff',
} as const;

export const FILL_OPACITY = { existing: 0.6, planned: 0.16, withdrawn: 0.12 } as const;

/** Cadastral parcels from a PMTiles layer: a thin brown outline (the colour of land-register maps) over a light fill. */
export const PARCEL_COLORS = { line: '#7b5e3b', fill: '#d9c7a3' } as const;

/** OpenStreetMap lines of the basemap, as Vietnamese maps colour them: railway black and white, national roads
 *  red-orange with white numbers, provincial roads yellow with dark numbers. The legend draws from the same table. */
export const OSM_LINE_COLORS = {
  rail: '#2b2b2b',
  railDash: '#ffffff',
  railText: '#2b2b2b',
  national: { fill: '#d7431f', casing: '#9c2a14', text: '#ffffff' },
  provincial: { fill: '#ffd54a', casing: '#b08900', text: '#3d3000' },
} as const;
