// Baseline for the cold-start benchmark: MapLibre alone drawing the same basemap and region data,
// with no React, no validation and no panels. Not part of the app build.
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { fetchRegionFiles } from '../../../src/app/regionSource';
import { prepareRegion } from '../../../src/domain/prepare';
import type { RegionData } from '../../../src/domain/types';
import { IDLE_WITH_DATA_MARK } from '../../../src/map/marks';
import { buildStyle } from '../../../src/map/style';
import { allVisible } from '../../../src/store/layers';

setWorkerUrl(workerUrl);
const files = await fetchRegionFiles('lao-cai');
// The same features as the app draws (footprints need preparing), minus the schema check.
const region = prepareRegion({ ...files, landmarks: files.landmarks ?? { type: 'FeatureCollection', features: [] } } as unknown as RegionData);
const map = new MlMap({
  container: 'map',
  style: buildStyle({
    basemap: { kind: 'embedded', baseUrl: new URL('basemap/', document.baseURI).href },
    region,
    visible: allVisible(),
    lang: 'vi',
  }),
  bounds: region.data.region.bbox,
  fitBoundsOptions: { padding: 40 },
});
map.once('idle', () => performance.mark(IDLE_WITH_DATA_MARK));
