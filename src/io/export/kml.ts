// Sites as KML 2.2 for Google Earth and phone mapping apps: one Placemark per located site, its
// fields as ExtendedData, names escaped as XML text. Outlines drawn from the declared area (not a
// surveyed boundary) carry their own style and say so in the description and the data.
import type { Geometry, Position } from 'geojson';
import type { PreparedRegion } from '../../domain/prepare';
import { buildReport, type RegionReport } from '../../analytics/report';
import type { Lang } from '../../i18n/format';
import { markupText } from '../../domain/text';
import { COLUMN_ORDER, COLUMNS, QUALITY } from './labels';
import { rowsWithGeometry, siteRecord } from './records';

/** Text for an XML element or attribute (the same escaping serves HTML: see domain/text.ts). */
export const xmlText = markupText;

function coords(ring: Position[]): string {
  return ring.map((p) => `${p[0]},${p[1]}`).join(' ');
}

function polygonKml(rings: Position[][]): string {
  const [outer, ...holes] = rings;
  if (!outer) return '';
  const inner = holes.map((h) => `<innerBoundaryIs><LinearRing><coordinates>${coords(h)}</coordinates></LinearRing></innerBoundaryIs>`).join('');
  return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(outer)}</coordinates></LinearRing></outerBoundaryIs>${inner}</Polygon>`;
}

function geometryKml(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${g.coordinates[0]},${g.coordinates[1]}</coordinates></Point>`;
    case 'Polygon':
      return polygonKml(g.coordinates);
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygonKml).join('')}</MultiGeometry>`;
    case 'LineString':
      return `<LineString><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    default:
      return '';
  }
}

/** #rrggbb + opacity → KML's aabbggrr. */
function kmlColor(hex: string, opacity: number): string {
  const a = Math.round(opacity * 255)
    .toString(16)
    .padStart(2, '0');
  return `${a}${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`;
}

function style(id: string, hex: string, fillOpacity: number): string {
  return `<Style id="${id}"><LineStyle><color>${kmlColor(hex, 1)}</color><width>2</width></LineStyle><PolyStyle><color>${kmlColor(hex, fillOpacity)}</color></PolyStyle></Style>`;
}

/** The two kind colours of the map (src/map/theme.ts's COLORS), passed in: io/ does not import the map. */
export interface KindColors {
  kcn: string;
  ccn: string;
}

export function sitesToKml(region: PreparedRegion, lang: Lang, report: RegionReport | undefined, colors: KindColors): string {
  const rep = report ?? buildReport(region, region.data.region.asOf);
  const cols = COLUMNS[lang];
  const placemarks: string[] = [];
  for (const { row, geometry } of rowsWithGeometry(region, rep)) {
    if (!geometry) continue;
    const r = siteRecord(row, lang);
    const indicative = row.quality === 'indicative';
    const data = COLUMN_ORDER.filter((k) => r[k] !== null && k !== 'name')
      .map((k) => `<Data name="${k}"><displayName>${xmlText(cols[k])}</displayName><value>${xmlText(String(r[k]))}</value></Data>`)
      .join('');
    const desc = indicative ? `<description>${xmlText(QUALITY[lang].indicative)}</description>` : '';
    const styleId = `${row.kind}${indicative ? '-indicative' : ''}`;
    placemarks.push(
      `<Placemark id="${xmlText(row.id)}"><name>${xmlText(row.name[lang])}</name>${desc}<styleUrl>#${styleId}</styleUrl><ExtendedData>${data}</ExtendedData>${geometryKml(geometry)}</Placemark>`,
    );
  }
  const styles = [
    style('kcn', colors.kcn, 0.5),
    style('ccn', colors.ccn, 0.5),
    // No fill: an indicative circle must not read as land on the ground.
    style('kcn-indicative', colors.kcn, 0),
    style('ccn-indicative', colors.ccn, 0),
  ].join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>` +
    `<name>${xmlText(region.data.region.name[lang])}</name>${styles}\n${placemarks.join('\n')}\n</Document></kml>\n`
  );
}
