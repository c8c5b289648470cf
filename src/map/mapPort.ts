// The part of maplibre-gl's Map that the bridge and its helpers use: a narrow port, so the bridge's
// unit tests drive it with a fake of the same shape.
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { ShieldImage } from './shields';

/** The part of maplibre-gl's Map the bridge uses; tests pass a fake with the same shape. */
export interface MapPort {
  setStyle(
    style: StyleSpecification,
    options?: { diff?: boolean; transformStyle?: (previous: StyleSpecification | undefined, next: StyleSpecification) => StyleSpecification },
  ): unknown;
  setFeatureState(feature: { source: string; id: string }, state: Record<string, unknown>): void;
  fitBounds(
    bounds: [number, number, number, number],
    options?: { padding?: number | { top: number; bottom: number; left: number; right: number }; duration?: number; maxZoom?: number },
  ): unknown;
  queryRenderedFeatures(point: [number, number], options: { layers: string[] }): { layer: { id: string }; properties: Record<string, unknown> | null }[];
  getLayer(id: string): unknown;
  /** a GeoJSON source of the current style (the large ones get their data this way, see largeSources.ts) */
  getSource(id: string): unknown;
  hasImage(id: string): boolean;
  addImage(id: string, image: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }, options?: ShieldImage['options'] | { pixelRatio?: number }): void;
  getCanvas(): { style: { cursor: string } };
  flyTo(options: { center: [number, number]; zoom: number; bearing: number; pitch: number; duration?: number; essential?: boolean }): unknown;
  jumpTo(options: { center: [number, number]; zoom: number; bearing: number; pitch: number }): unknown;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getBearing(): number;
  getPitch(): number;
  setMissingStyleImageResolver(resolver: ((id: string) => void) | null): unknown;
  /** the replay's feature state (replayState.ts); optional so that fakes without a replay need not have them */
  removeFeatureState?(feature: { source: string }): void;
  triggerRepaint?(): void;
  on(type: string, listener: (e: MapEventLike) => void): unknown;
  off(type: string, listener: (e: MapEventLike) => void): unknown;
}

export interface MapEventLike {
  point?: { x: number; y: number };
  lngLat?: { lng: number; lat: number };
  id?: string;
  sourceId?: string;
  error?: unknown;
}
