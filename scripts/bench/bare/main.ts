// Baseline for the cold-start benchmark: MapLibre alone drawing the same basemap and region data,
// with no React, no validation and no panels. Not part of the app build.
// `?parcels`: also draws the clearance parcels (the large-data benchmark), straight from the file;
// `map=zoom/lat/lon` opens at that view instead of the region's bounds, as the app's link does.
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { fetchRegionFiles } from '../../../src/app/regionSource';
import { prepareRegion } from '../../../src/domain/prepare';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ParcelMapProps } from '../../../src/analytics/clearance/drawnParcels';
import type { RegionData } from '../../../src/domain/types';
import { IDLE_WITH_DATA_MARK } from '../../../src/map/marks';
import { buildStyle } from '../../../src/map/style';
import { allVisible } from '../../../src/domain/layers';

setWorkerUrl(workerUrl);
const files = await fetchRegionFiles('lao-cai');
// The same features as the app draws (footprints need preparing), minus the schema check.
const region = prepareRegion({ ...files, landmarks: files.landmarks ?? { type: 'FeatureCollection', features: [] } } as unknown as RegionData);
// The bench's generated parcels have unique ids and dates on or before the report date: no dissolving,
// no "latest entry per id", just the polygons with the properties the layer styles read.
const params = new URLSearchParams(location.search);
const view = params.get('map')?.split('/').map(Number);
const parcels: FeatureCollection<Polygon | MultiPolygon, ParcelMapProps> | null = params.has('parcels')
  ? {
      type: 'FeatureCollection',
      features: region.data.clearance.features.flatMap((f) =>
        f.properties.kind === 'parcel' && (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
          ? [{ type: 'Feature', geometry: f.geometry, properties: { id: f.properties.id, siteId: f.properties.siteId, status: f.properties.status, sample: f.properties.sample, asOf: f.properties.asOf } } as Feature<Polygon | MultiPolygon, ParcelMapProps>]
          : [],
      ),
    }
  : null;
const map = new MlMap({
  container: 'map',
  style: buildStyle({
    basemap: { kind: 'embedded', baseUrl: new URL('basemap/', document.baseURI).href },
    region,
    visible: allVisible(),
    lang: 'vi',
    parcels,
  }),
  ...(view && view.length >= 3 ? { zoom: view[0], center: [view[2] as number, view[1] as number] as [number, number] } : { bounds: region.data.region.bbox, fitBoundsOptions: { padding: 40 } }),
});
map.once('idle', () => performance.mark(IDLE_WITH_DATA_MARK));
// The same hook the app gives browser tests, so the benchmark pans both maps alike.
(window as unknown as { __atlas: { map: MlMap } }).__atlas = { map };
