// The words OpenStreetMap's ODbL asks for wherever the map is shown. One string for the app's credit and
// the detailed basemap's source: MapLibre drops a credit contained in another, so the map says it once.
export const OSM_CREDIT = '© OpenStreetMap contributors (ODbL)';
