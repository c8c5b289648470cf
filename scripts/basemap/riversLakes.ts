// Rivers (WDBII) and lakes (GSHHS lake shores) of the basemap from GSHHG through `gmt coast`: pieces cut at
// GMT's bin edges chained back together, clipped to BOX, simplified and rounded.
import { area, simplify } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Polygon, Position } from 'geojson';
import { compareStrings } from './compare';
import { clipAreal, clipLinear, isClosed, mergeLines, rewindAreal, roundAreal, roundLine } from './geometry';
import { BOX, GMT_REGION, LAKE_MIN_KM2, RIVER_CLASSES, RIVER_TOLERANCE } from './settings';
import { run } from './tools';

interface RiverProps {
  readonly class: number;
}
interface LakeProps {
  /** "lake" (lakes and reservoirs) or "river" (GSHHG river-lakes: the wide lower courses of rivers, e.g. the Mekong). */
  readonly kind: 'lake' | 'river';
  readonly area_km2: number;
}

/** Parses GMT's multisegment ASCII output ("> header" lines between "lon<TAB>lat" lines) into pieces. */
function parseGmtSegments(text: string): Position[][] {
  const pieces: Position[][] = [];
  let current: Position[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      current = [];
      pieces.push(current);
    } else if (line.trim() !== '' && !line.startsWith('#') && current) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) current.push([x, y]);
    }
  }
  return pieces.filter((p) => p.length >= 2);
}

function gmtDump(args: readonly string[], work: string): Position[][] {
  return parseGmtSegments(run('gmt', ['coast', GMT_REGION, '-Dh', ...args, '-M'], work));
}

/** Douglas–Peucker without rounding (osmLines' simplifyLine rounds): the callers round, rings via roundAreal. */
function simplifyLine(coordinates: Position[], tolerance: number): Position[] {
  if (coordinates.length <= 2) return coordinates;
  const line: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
  return simplify(line, { tolerance, highQuality: true }).geometry.coordinates;
}

/**
 * GMT returns whole storage bins (so also points outside -R) and cuts every river at the bin edges; the pieces are
 * chained back together per class, clipped to BOX, simplified and rounded. One MultiLineString per class.
 */
export function buildRivers(work: string): Feature<MultiLineString, RiverProps>[] {
  return RIVER_CLASSES.map((riverClass) => {
    const pieces = gmtDump([`-I${riverClass}`], work);
    const merged = mergeLines(pieces);
    const clipped = clipLinear({ type: 'MultiLineString', coordinates: merged }, BOX)?.coordinates ?? [];
    const lines = clipped.map((l) => roundLine(simplifyLine(l, RIVER_TOLERANCE))).filter((l) => l.length >= 2);
    return { type: 'Feature', properties: { class: riverClass }, geometry: { type: 'MultiLineString', coordinates: lines } };
  });
}

/**
 * Lake shores (GSHHS level 2) come out of `gmt coast -W -M` as lines cut at bin edges; chained together they close
 * into rings again. Rings that do not close (cut by -R) are dropped rather than guessed. GMT's `-A…+l` keeps true
 * lakes, `+r` the river-lakes; both are kept, told apart by `kind`.
 */
export function buildLakes(work: string): { lakes: Feature<Polygon, LakeProps>[]; open: number } {
  const lakes: Feature<Polygon, LakeProps>[] = [];
  let open = 0;
  for (const kind of ['lake', 'river'] as const) {
    const result = buildLakeKind(work, kind);
    lakes.push(...result.lakes);
    open += result.open;
  }
  lakes.sort(
    (a, b) =>
      compareStrings(a.properties.kind, b.properties.kind) ||
      b.properties.area_km2 - a.properties.area_km2 ||
      compareStrings(JSON.stringify(a.geometry), JSON.stringify(b.geometry)),
  );
  return { lakes, open };
}

function buildLakeKind(work: string, kind: LakeProps['kind']): { lakes: Feature<Polygon, LakeProps>[]; open: number } {
  const pieces = gmtDump([`-A${LAKE_MIN_KM2}/2/2+${kind === 'lake' ? 'l' : 'r'}`, '-W'], work);
  const rings = mergeLines(pieces);
  const lakes: Feature<Polygon, LakeProps>[] = [];
  let open = 0;
  for (const ring of rings) {
    if (!isClosed(ring)) {
      open += 1;
      continue;
    }
    const polygon = roundAreal({ type: 'Polygon', coordinates: [simplifyLine(ring, RIVER_TOLERANCE)] });
    const clipped = polygon ? clipAreal(polygon, BOX) : null;
    if (!clipped || clipped.type !== 'Polygon') continue;
    const geometry = rewindAreal(clipped) as Polygon;
    const km2 = Math.round(area(geometry) / 1e6);
    lakes.push({ type: 'Feature', properties: { kind, area_km2: km2 }, geometry });
  }
  return { lakes, open };
}
