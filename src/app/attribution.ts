import { OSM_CREDIT } from '../map/osmCredit';

// Credits the embedded basemap's data licences require; public/licenses/ holds the texts. OpenStreetMap's
// ODbL asks for "© OpenStreetMap contributors" wherever the map is shown: the railways and roads are theirs.
export const BASEMAP_ATTRIBUTION = `<a href="licenses/index.html" target="_blank" rel="noopener noreferrer">${OSM_CREDIT} · Natural Earth · GSHHG/WDBII (LGPL-3) · GeoNames (CC BY 4.0) · Noto Sans (OFL)</a>`;
