// Pure exporters of the region's sites: text in, text out, no DOM, no map.
export { sitesToGeoJSON } from './geojson';
export { sitesToCsv, csvField, BOM } from './csv';
export { sitesToKml, xmlText } from './kml';
export { exportFileName, localIsoDate, MIME, type ExportFormat } from './fileName';
