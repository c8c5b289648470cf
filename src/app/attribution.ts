// Credits the embedded basemap's data licences require; public/licenses/ holds the texts.
export const BASEMAP_ATTRIBUTION =
  '<a href="licenses/index.html" target="_blank" rel="noopener noreferrer">Natural Earth · GSHHG/WDBII (LGPL-3) · GeoNames (CC BY 4.0) · Noto Sans (OFL)</a>';
