// Checks on the built provinces before anything is written: 34 of them, areas kept by the dissolve, Lào Cai in
// one piece where expected, every provincial seat inside (or within a coastal tolerance of) its province.
import { area, pointToPolygonDistance } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { type Areal, bboxOf } from './geometry';
import type { PlaceProps } from './places';
import type { NaturalEarthProvince, ProvinceProps } from './provinces';
import { EXPECTED_NEW_COUNT } from './provinces-2025';
import { fail } from './tools';

function partCount(g: Areal): number {
  return g.type === 'Polygon' ? 1 : g.coordinates.length;
}

/** Seats on the coast may fall just outside Natural Earth's generalised outline; further than this is an error. */
const SEAT_TOLERANCE_KM = 3;

export function checkProvinces(
  provinces: readonly Feature<Areal, ProvinceProps>[],
  old: ReadonlyMap<string, Feature<Areal, NaturalEarthProvince>>,
  places: readonly Feature<Point, PlaceProps>[],
): string[] {
  const warnings: string[] = [];
  if (provinces.length !== EXPECTED_NEW_COUNT) fail(`${provinces.length} provinces built, expected ${EXPECTED_NEW_COUNT}`);
  for (const p of provinces) {
    // A good dissolve keeps the area (no overlaps or slivers lost) and joins at least two members into one part.
    const members = p.properties.merged_from.map((name) => old.get(name) ?? fail(`missing ${name}`));
    const memberArea = members.reduce((sum, m) => sum + area(m.geometry), 0);
    const ratio = area(p.geometry) / memberArea;
    if (Math.abs(ratio - 1) > 0.001) fail(`${p.properties.name_vi}: dissolved area is ${ratio.toFixed(4)} × the sum of its members`);
    const memberParts = members.reduce((sum, m) => sum + partCount(m.geometry), 0);
    if (members.length > 1 && partCount(p.geometry) >= memberParts) {
      fail(`${p.properties.name_vi}: dissolving ${members.length} provinces joined nothing (${memberParts} parts before and after)`);
    }
  }
  const laoCai = provinces.find((p) => p.properties.id === 'lao-cai');
  const box = laoCai ? bboxOf([laoCai]) : null;
  if (!laoCai || laoCai.geometry.type !== 'Polygon' || !box || box[0] < 103.3 || box[2] > 105.3 || box[1] < 21.1 || box[3] > 23.1) {
    fail(`Lào Cai (2025) should be one polygon within lon 103.3–105.3, lat 21.1–23.1; got ${laoCai?.geometry.type} ${JSON.stringify(box)}`);
  }
  for (const place of places.filter((p) => p.properties.province_capital)) {
    const province = provinces.find((p) => p.properties.id === place.properties.province);
    if (!province) fail(`seat ${place.properties.name} has no province`);
    const km = pointToPolygonDistance(place.geometry, province.geometry, { units: 'kilometers' });
    if (km > SEAT_TOLERANCE_KM) fail(`seat ${place.properties.name} lies ${km.toFixed(1)} km outside ${province.properties.name_vi}`);
    if (km > 0) warnings.push(`seat ${place.properties.name} lies ${km.toFixed(1)} km outside the generalised outline of ${province.properties.name_vi} (coast)`);
  }
  return warnings;
}
