// What the sketch readout says: a polygon's area and a line's length on the WGS84 ellipsoid
// (GeographicLib), written for the interface language. Hectares from 1 ha up (two decimals, as in
// planning tables), square metres below; kilometres to the metre from 1 km up, metres below.
import type { LineString, Polygon } from 'geojson';
import { geodesicAreaM2, geodesicLengthM, M2_PER_HA } from '../../geo/geodesic';
import { formatHa, formatNumber, type Lang } from '../../i18n/format';

export type Measure = { kind: 'area'; m2: number } | { kind: 'length'; m: number };

export function measure(g: Polygon | LineString): Measure {
  return g.type === 'Polygon' ? { kind: 'area', m2: geodesicAreaM2(g) } : { kind: 'length', m: geodesicLengthM(g.coordinates) };
}

export function formatMeasure(m: Measure, lang: Lang): string {
  if (m.kind === 'area') return m.m2 < M2_PER_HA ? `${formatNumber(m.m2, lang)} m²` : formatHa(m.m2 / M2_PER_HA, lang);
  return m.m < 1000 ? `${formatNumber(m.m, lang)} m` : `${formatNumber(m.m / 1000, lang, 3)} km`;
}
