// What is picked on the map and where the map looks: exchanged by the URL, the slides, the panels and the map.

export type Selection = { type: 'site' | 'road' | 'relocation' | 'landmark'; id: string };

/** Where the map looks: what the URL, slides and the bridge exchange. */
export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}
