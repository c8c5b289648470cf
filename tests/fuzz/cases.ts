// The fuzz corpus: valid files of every format the import reads (the fixtures of tests/fixtures/io,
// and Shapefiles, a KMZ, a TSV and a DXF built here), and the seeded cases mutated from them.
// A case is named by its key "format/mutator/seed"; `makeCase(key)` rebuilds exactly its bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { drawing, line, lwpolyline, point, square, text as dxfText } from '../fixtures/io/dxf/build';
import { dbf, PRJ_VN2000_104_45, PRJ_WGS84, SHAPE, shp, squareCw } from '../fixtures/io/shp/build';
import { int, mulberry32, mutatorNamed, mutatorsFor, pick, renamed, zipStable, type ContentKind, type FuzzFile } from './mutate';

const IO = join(import.meta.dirname, '..', 'fixtures', 'io');
const fixture = (name: string) => new Uint8Array(readFileSync(join(IO, name)));

/** Every format importFile routes, with the kind of content its mutators work on. */
export const FORMATS = ['geojson', 'kml', 'kmz', 'shapefile', 'shp', 'csv', 'tsv', 'dxf'] as const;
export type FuzzFormat = (typeof FORMATS)[number];

const KIND: Record<FuzzFormat, ContentKind> = {
  geojson: 'json',
  kml: 'xml',
  kmz: 'zip',
  shapefile: 'zip',
  shp: 'binary',
  csv: 'csv',
  tsv: 'csv',
  dxf: 'dxf',
};

/** A surveyor's parcel layer: two VN-2000 squares with a .prj, .cpg and Vietnamese names. */
function parcelsZip(): Uint8Array {
  const { shp: s, shx } = shp(SHAPE.polygon, [[squareCw(430_000, 2_466_000, 300)], [squareCw(431_000, 2_466_500, 200)]]);
  const table = dbf(
    [
      { name: 'TEN', type: 'C', length: 60 },
      { name: 'DIENTICH', type: 'N', length: 12, decimals: 2 },
    ],
    [
      ['Lô CN-01 Khu công nghiệp Đông Phố Mới', 9.0],
      ['Lô CN-02', 4.0],
    ],
  );
  return zipStable({
    'KCN_DongPhoMoi.shp': s,
    'KCN_DongPhoMoi.shx': shx,
    'KCN_DongPhoMoi.dbf': table,
    'KCN_DongPhoMoi.prj': strToU8(PRJ_VN2000_104_45),
    'KCN_DongPhoMoi.cpg': strToU8('UTF-8'),
  });
}

/** Two layers in folders: WGS84 points and a road line with no .prj. */
function twoLayerZip(): Uint8Array {
  const pts = shp(SHAPE.point, [[[[104.05, 22.38]]], [[[104.06, 22.39]]]]);
  const road = shp(SHAPE.polyline, [[[[104.0, 22.3], [104.02, 22.31], [104.04, 22.33]]]]);
  const names = (n: string[]) => dbf([{ name: 'TEN', type: 'C', length: 30 }], n.map((x) => [x]));
  return zipStable({
    'diem/diem.shp': pts.shp,
    'diem/diem.shx': pts.shx,
    'diem/diem.dbf': names(['Điểm A', 'Điểm B']),
    'diem/diem.prj': strToU8(PRJ_WGS84),
    'giao_thong/duong.shp': road.shp,
    'giao_thong/duong.shx': road.shx,
    'giao_thong/duong.dbf': names(['Đường tỉnh 151']),
  });
}

function dxfDrawing(): Uint8Array {
  return strToU8(
    drawing([
      lwpolyline(square(430_000, 2_466_000, 250), { layer: 'RANH_GIOI', closed: true }),
      lwpolyline([[430_000, 2_466_400], [430_200, 2_466_450], [430_300, 2_466_600]], { layer: 'GIAO_THONG', closed: false, bulges: [0.3, 0, 0] }),
      line([430_010, 2_466_010], [430_100, 2_466_100], 'TIM_DUONG'),
      point([430_050, 2_466_050], 'MOC'),
      dxfText([430_060, 2_466_060], 'Lô CN-01', 'CHU'),
    ]),
  );
}

let bases: Record<FuzzFormat, FuzzFile[]> | null = null;

/** The valid files each format's cases start from (each imports cleanly: the test checks that). */
export function baseFiles(): Record<FuzzFormat, FuzzFile[]> {
  if (bases) return bases;
  const kml = fixture('cong-thong-tin.kml');
  const csv = new TextDecoder().decode(fixture('diem-kcn.csv'));
  const parcels = parcelsZip();
  bases = {
    geojson: [
      { name: 'khu-cong-nghiep.geojson', bytes: fixture('khu-cong-nghiep.geojson') },
      { name: 'ranh-gioi-vn2000.geojson', bytes: fixture('ranh-gioi-vn2000.geojson') },
    ],
    kml: [{ name: 'cong-thong-tin.kml', bytes: kml }],
    kmz: [{ name: 'cong-thong-tin.kmz', bytes: zipStable({ 'doc.kml': kml, 'files/logo.png': Uint8Array.of(0x89, 0x50, 0x4e, 0x47) }) }],
    shapefile: [
      { name: 'kcn-dong-pho-moi.zip', bytes: parcels },
      { name: 'hai-lop.zip', bytes: twoLayerZip() },
    ],
    shp: [{ name: 'KCN_DongPhoMoi.shp', bytes: shp(SHAPE.polygon, [[squareCw(430_000, 2_466_000, 300)]]).shp }],
    csv: [
      { name: 'diem-kcn.csv', bytes: strToU8(csv) },
      { name: 'moc-vn2000.csv', bytes: fixture('moc-vn2000.csv') },
    ],
    tsv: [{ name: 'diem-kcn.tsv', bytes: strToU8(csv.replace(/;/g, '\t')) }],
    dxf: [{ name: 'ban-ve.dxf', bytes: dxfDrawing() }],
  };
  return bases;
}

export interface FuzzCase {
  /** "format/mutator/seed": replays this case exactly */
  key: string;
  format: FuzzFormat;
  mutator: string;
  seed: number;
  /** the base file it was mutated from */
  base: string;
  /** what else was done to it: a second mutator, a wrong extension */
  extra: string[];
  file: FuzzFile;
}

/** A case from its key: the base file, the mutator, sometimes a second one and a wrong name. */
export function makeCase(key: string): FuzzCase {
  const [format, mutator, seedText] = key.split('/') as [FuzzFormat, string, string];
  if (!FORMATS.includes(format)) throw new Error(`unknown fuzz format in "${key}"`);
  const seed = Number(seedText);
  const rng = mulberry32(seed);
  const kind = KIND[format];
  const base = pick(rng, baseFiles()[format]);
  let file = mutatorNamed(mutator).apply(base, rng, kind);
  const extra: string[] = [];
  // A second mutation, on files still small enough (two size-multiplying mutations make 190 MB).
  if (rng() < 0.25 && file.bytes.length < 1_000_000) {
    const second = pick(rng, mutatorsFor(kind).filter((m) => m.name !== 'wrong-extension'));
    extra.push(second.name);
    file = second.apply(file, rng, kind);
  }
  if (mutator !== 'wrong-extension' && rng() < 0.15) {
    file = renamed(file, rng);
    extra.push(`named ${file.name}`);
  }
  return { key, format, mutator, seed, base: base.name, extra, file };
}

/** The keys of `perFormat` cases for each format, from one base seed; mutators taken in turn. */
export function caseKeys(baseSeed: number, perFormat: number, formats: readonly FuzzFormat[] = FORMATS): string[] {
  const keys: string[] = [];
  for (const format of formats) {
    const rng = mulberry32(baseSeed ^ hash(format));
    const applicable = mutatorsFor(KIND[format]);
    for (let i = 0; i < perFormat; i++) keys.push(`${format}/${applicable[i % applicable.length]!.name}/${int(rng, 2 ** 31)}`);
  }
  return keys;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
