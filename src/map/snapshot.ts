// The map's last drawn frame, for the PNG and PDF exports. The header's export menu sits outside
// MapView (and its MapContext), so it reads the canvas MapLibre draws into; the map keeps its drawing
// buffer (preserveDrawingBuffer), so the frame is still there between renders. The camera comes from
// the store, where the bridge reports it after each move.
export interface MapFrame {
  canvas: HTMLCanvasElement;
  /** the map's size in CSS pixels (the canvas is that times the device pixel ratio) */
  cssWidth: number;
  cssHeight: number;
}

export function mapFrame(root: ParentNode = document): MapFrame | null {
  const canvas = root.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas');
  if (!canvas || canvas.width === 0 || canvas.height === 0) return null;
  const box = canvas.getBoundingClientRect();
  return { canvas, cssWidth: box.width || canvas.width, cssHeight: box.height || canvas.height };
}
