// Credits the embedded basemap's data licences require (see public/basemap/ATTRIBUTION.md and public/licenses/).
export const BASEMAP_ATTRIBUTION =
  'Nền: <a href="licenses/" target="_blank" rel="noopener noreferrer">Natural Earth · GSHHG/WDBII (LGPL-3) · GeoNames (CC BY 4.0)</a>';
