// A region's large parcel layer (region.json › parcelTiles): a PMTiles archive of vector tiles read by
// HTTP range requests through the `pmtiles://` protocol, drawn as thin outlines over a light fill.
// Pure: the bridge loads this module (with the protocol) only for a region that has such a layer.
import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Region } from '../../domain/schema';
import { markupText } from '../../domain/text';
import type { PARCEL_COLORS } from '../theme';

export const PARCEL_TILES_SOURCE = 'parcel-tiles';
export const PARCEL_TILES_LAYERS = { fill: 'parcel-tiles-fill', line: 'parcel-tiles-line' } as const;

export type ParcelTilesEntry = NonNullable<Region['parcelTiles']>;

/** The archive's absolute URL: region.json gives it relative to the app's page, so the app works under any sub-path. */
export function archiveUrl(entry: ParcelTilesEntry, pageUrl: string): string {
  return new URL(entry.url, pageUrl).href;
}

/**
 * The source and layers, for style.ts to put under the site outlines and every label. The source's
 * zooms come from the archive's header (the protocol answers MapLibre's TileJSON request); beyond its
 * deepest zoom MapLibre draws the last tiles larger. The colours come from the caller (theme.ts), so this
 * lazily loaded module shares no module with the start-up bundle (a shared one would become a chunk of its own).
 */
export function parcelTilesStyle(
  entry: ParcelTilesEntry,
  opts: { visible: boolean; pageUrl: string; colors: typeof PARCEL_COLORS },
): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const source: SourceSpecification = {
    type: 'vector',
    url: `pmtiles://${archiveUrl(entry, opts.pageUrl)}`,
    // MapLibre shows a source's attribution as HTML: the province's credit line goes in as text.
    ...(entry.attribution ? { attribution: markupText(entry.attribution) } : {}),
  };
  const common = {
    source: PARCEL_TILES_SOURCE,
    'source-layer': entry.layer,
    ...(entry.minzoom !== undefined ? { minzoom: entry.minzoom } : {}),
    layout: { visibility: opts.visible ? 'visible' : 'none' },
  } as const;
  return {
    sources: { [PARCEL_TILES_SOURCE]: source },
    layers: [
      { ...common, id: PARCEL_TILES_LAYERS.fill, type: 'fill', paint: { 'fill-color': opts.colors.fill, 'fill-opacity': 0.35 } },
      {
        ...common,
        id: PARCEL_TILES_LAYERS.line,
        type: 'line',
        // Hairlines when a commune fills the screen, a little stronger where single parcels are read.
        paint: { 'line-color': opts.colors.line, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.4, 17, 1.2], 'line-opacity': 0.85 },
      },
    ],
  };
}
