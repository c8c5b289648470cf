// While presenting, the edges of the visible map carry invisible blockers (layers/labelBlockers.ts):
// MapLibre draws a label cut in half at the edge of the canvas, which beside the slide's panel shows
// as a stray fragment ("t", "ĐT.1"). With points along the edges in the collision index, such a label
// is left out; the whole map is re-framed after each move, when the camera has settled.
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { AppStore } from '../store/createAppStore';
import { FRAME_SOURCE } from './layers/labelBlockers';

/** px between two blockers along an edge: less than a blocker's width, so no label slips between them */
const STEP = 10;

/** Points every STEP px along the edges of a width × height canvas, in pixels. */
function edgePoints(width: number, height: number): [number, number][] {
  const out: [number, number][] = [];
  for (let x = 0; x <= width; x += STEP) out.push([x, 0], [x, height]);
  for (let y = STEP; y < height; y += STEP) out.push([0, y], [width, y]);
  return out;
}

export function followLabelFrame(map: MlMap, store: AppStore): () => void {
  const update = () => {
    if (!store.getState().presenting) return;
    const source = map.getSource(FRAME_SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const canvas = map.getCanvas();
    const features = edgePoints(canvas.clientWidth, canvas.clientHeight).map(([x, y]) => {
      const p = map.unproject([x, y]);
      return { type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] } };
    });
    source.setData({ type: 'FeatureCollection', features });
  };
  // The source arrives with the presenting style ('styledata'); later, each settled move or resize re-frames.
  let framed = false;
  const onStyle = () => {
    const has = Boolean(map.getSource(FRAME_SOURCE));
    if (has && !framed) update();
    framed = has;
  };
  map.on('moveend', update);
  map.on('resize', update);
  map.on('styledata', onStyle);
  return () => {
    map.off('moveend', update);
    map.off('resize', update);
    map.off('styledata', onStyle);
  };
}
