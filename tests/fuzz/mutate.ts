// Seeded mutations of a planner's file: what a cut download, a bad disk, a wrong "Save as…", a
// script that wrote NaN or a hostile file does to valid bytes. Pure and deterministic: the same
// seed always gives the same bytes, so a failing case can be replayed from its printed key.
import { concat as concatBytes } from '../fixtures/io/shp/build';
import { strFromU8, strToU8, unzipSync, zipSync, type ZipOptions, type Zippable } from 'fflate';

/**
 * zipSync with a fixed date: fflate stamps entries with the current time (2-second DOS precision), so
 * the same seed would give different bytes on either side of a clock tick and a case could not be replayed.
 */
export function zipStable(entries: Zippable, options: ZipOptions = {}): Uint8Array {
  return zipSync(entries, { mtime: new Date(2026, 0, 1), ...options });
}

/** A PRNG returning [0, 1): mulberry32, small and good enough to spread mutations. */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;

/** A file as the chooser hands it over: its name and its bytes. */
export interface FuzzFile {
  name: string;
  bytes: Uint8Array;
}

/** What kind of content a base file is: decides which mutators make sense for it. */
export type ContentKind = 'json' | 'xml' | 'csv' | 'dxf' | 'zip' | 'binary';

export interface Mutator {
  name: string;
  /** which kinds of base file it applies to */
  kinds: readonly ContentKind[];
  apply: (file: FuzzFile, rng: Rng, kind: ContentKind) => FuzzFile;
}

const ALL: readonly ContentKind[] = ['json', 'xml', 'csv', 'dxf', 'zip', 'binary'];
const TEXT: readonly ContentKind[] = ['json', 'xml', 'csv', 'dxf'];

const concat = (...parts: Uint8Array[]): Uint8Array => concatBytes(parts);

const text = (b: Uint8Array) => strFromU8(b);
const withBytes = (f: FuzzFile, bytes: Uint8Array): FuzzFile => ({ name: f.name, bytes });
const withText = (f: FuzzFile, s: string): FuzzFile => withBytes(f, strToU8(s));

/** Bytes that matter to parsers: NUL, 0xFF, brackets, quotes, separators, line ends, a lone UTF-8 lead. */
const SPICY = [0x00, 0xff, 0x3c, 0x3e, 0x7b, 0x7d, 0x5b, 0x5d, 0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x09, 0x26, 0xc3, 0xe1, 0x80];
const randomByte = (rng: Rng) => (rng() < 0.5 ? pick(rng, SPICY) : int(rng, 256));

/** Numbers that break naive code: overflow to Infinity, lost precision, -0, NaN words, text, empties. */
export const NASTY_NUMBERS = [
  '1e308', '1e400', '-1e400', '1e-400', '-0', '9007199254740993', '99999999999999999999999999',
  'NaN', 'Infinity', '-Infinity', 'abc', '', ' ', '0x1F', '1,5', '.', '-', '1e', '+', '١٢٣', '1.7976931348623157e308',
];

// ---- byte-level, for every kind ---------------------------------------------------------------

const truncate: Mutator = {
  name: 'truncate',
  kinds: ALL,
  apply: (f, rng) => {
    const n = f.bytes.length;
    // Half the time near the end (an almost finished download), else anywhere.
    const at = rng() < 0.5 ? Math.max(0, n - 1 - int(rng, Math.min(64, n))) : int(rng, n);
    return withBytes(f, f.bytes.slice(0, at));
  },
};

const flipBytes: Mutator = {
  name: 'flip-bytes',
  kinds: ALL,
  apply: (f, rng) => {
    const b = f.bytes.slice();
    const k = 1 + int(rng, 8);
    for (let i = 0; i < k && b.length > 0; i++) b[int(rng, b.length)]! ^= 1 + int(rng, 255);
    return withBytes(f, b);
  },
};

const insertBytes: Mutator = {
  name: 'insert-bytes',
  kinds: ALL,
  apply: (f, rng) => {
    const at = int(rng, f.bytes.length + 1);
    const extra = Uint8Array.from({ length: 1 + int(rng, 32) }, () => randomByte(rng));
    return withBytes(f, concat(f.bytes.subarray(0, at), extra, f.bytes.subarray(at)));
  },
};

const deleteRange: Mutator = {
  name: 'delete-range',
  kinds: ALL,
  apply: (f, rng) => {
    const at = int(rng, f.bytes.length + 1);
    const len = 1 + int(rng, Math.max(1, Math.floor(f.bytes.length / 4)));
    return withBytes(f, concat(f.bytes.subarray(0, at), f.bytes.subarray(at + len)));
  },
};

const duplicateRange: Mutator = {
  name: 'duplicate-range',
  kinds: ALL,
  apply: (f, rng) => {
    const n = f.bytes.length;
    const from = int(rng, n + 1);
    const chunk = f.bytes.slice(from, from + 1 + int(rng, Math.max(1, n - from)));
    const at = int(rng, n + 1);
    return withBytes(f, concat(f.bytes.subarray(0, at), chunk, f.bytes.subarray(at)));
  },
};

const emptyish: Mutator = {
  name: 'empty-or-bom-only',
  kinds: ALL,
  apply: (f, rng) =>
    withBytes(
      f,
      pick(rng, [
        new Uint8Array(0),
        Uint8Array.of(0xef, 0xbb, 0xbf),
        Uint8Array.of(0xff, 0xfe),
        Uint8Array.of(0xfe, 0xff),
        Uint8Array.of(0xef, 0xbb, 0xbf, 0x20, 0x0a, 0x0d, 0x0a),
        strToU8(' \n\t\r\n'),
        Uint8Array.of(0x00),
        new Uint8Array(4096),
      ]),
    ),
};

// ---- wrong encodings ----------------------------------------------------------------------------

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const v = new DataView(out.buffer);
  let o = 0;
  if (bom) {
    v.setUint16(0, 0xfeff, littleEndian);
    o = 2;
  }
  for (let i = 0; i < s.length; i++, o += 2) v.setUint16(o, s.charCodeAt(i), littleEndian);
  return out;
}

const reencode: Mutator = {
  name: 'wrong-encoding',
  kinds: TEXT,
  apply: (f, rng) => {
    const s = text(f.bytes);
    switch (int(rng, 5)) {
      case 0:
        return withBytes(f, utf16(s, true, rng() < 0.5)); // Excel's "Unicode text", BOM or not
      case 1:
        return withBytes(f, utf16(s, false, rng() < 0.5));
      case 2:
        // Latin-1: every character's low byte, what a naive "ANSI" save does to Vietnamese.
        return withBytes(f, Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff));
      case 3: {
        // Windows-1258-ish: each non-ASCII letter becomes one or two random high bytes.
        const out: number[] = [];
        for (const ch of s) {
          const c = ch.codePointAt(0)!;
          if (c < 0x80) out.push(c);
          else out.push(0x80 + int(rng, 128), ...(rng() < 0.5 ? [0xcc + int(rng, 0x30)] : []));
        }
        return withBytes(f, Uint8Array.from(out));
      }
      default: {
        // Double-encoded UTF-8 ("Ä\u0090Ã´ng"), what a second conversion leaves.
        const latin = Array.from(f.bytes, (b) => String.fromCharCode(b)).join('');
        return withText(f, latin);
      }
    }
  },
};

const encodingLie: Mutator = {
  name: 'declared-encoding-lie',
  kinds: ['xml'],
  apply: (f, rng) => {
    const label = pick(rng, ['UTF-16', 'windows-1258', 'shift_jis', 'x-no-such-thing', 'ISO-8859-1', 'utf-32', '']);
    const s = text(f.bytes);
    const decl = `<?xml version="1.0" encoding="${label}"?>`;
    return withText(f, /^<\?xml[^>]*\?>/.test(s) ? s.replace(/^<\?xml[^>]*\?>/, decl) : decl + s);
  },
};

// ---- numbers ------------------------------------------------------------------------------------

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

const nastyNumbers: Mutator = {
  name: 'nasty-numbers',
  kinds: TEXT,
  apply: (f, rng) => {
    const s = text(f.bytes);
    const p = pick(rng, [0.05, 0.3, 1]);
    const only = rng() < 0.4 ? pick(rng, NASTY_NUMBERS) : null;
    return withText(f, s.replace(NUMBER, (m) => (rng() < p ? (only ?? pick(rng, NASTY_NUMBERS)) : m)));
  },
};

// ---- structure: deep nesting, huge values, many copies -------------------------------------------

const DEPTH = 100_000;

const deepNesting: Mutator = {
  name: 'deep-nesting',
  kinds: TEXT,
  apply: (f, rng, kind) => {
    const s = text(f.bytes);
    const depth = pick(rng, [1_000, 20_000, DEPTH]);
    const closed = rng() < 0.6;
    switch (kind) {
      case 'json': {
        const nest = '['.repeat(depth) + (closed ? ']'.repeat(depth) : '');
        const where = int(rng, 3);
        if (where === 0) return withText(f, nest); // the whole file one deep array
        if (where === 1) return withText(f, s.replace(/"coordinates"\s*:\s*/, `"coordinates": ${nest}${closed ? ',' : ''}`));
        return withText(f, s.replace(/"properties"\s*:\s*\{/, `"properties": { "sâu": ${'{"a":'.repeat(depth)}1${closed ? '}'.repeat(depth) : ''},`));
      }
      case 'xml': {
        const open = '<Folder>'.repeat(depth);
        const close = closed ? '</Folder>'.repeat(depth) : '';
        return withText(f, s.replace(/<Placemark/, `${open}<Placemark><name>sâu</name><Point><coordinates>104.05,22.38</coordinates></Point></Placemark>${close}<Placemark`));
      }
      case 'csv':
        // CSV has no nesting: the nearest thing is a quote that never closes, over a huge field.
        return withText(f, `${s}\n"${'"""'.repeat(depth)}${closed ? '"' : ''};1;2`);
      default:
        // DXF: thousands of POLYLINE headers with no SEQEND, each opening the next.
        return withText(f, s.replace(/ENTITIES\r?\n/, `ENTITIES\n${'  0\nPOLYLINE\n  8\nL\n 66\n1\n'.repeat(Math.min(depth, 20_000))}`));
    }
  },
};

const hugeValue: Mutator = {
  name: 'huge-attribute',
  kinds: TEXT,
  apply: (f, rng, kind) => {
    const s = text(f.bytes);
    const big = pick(rng, ['Đông Phố Mới ', 'x', '&amp;', '<b>', '"', ';']).repeat(pick(rng, [10_000, 200_000]));
    const many = pick(rng, [1_000, 20_000]);
    const huge = rng() < 0.5;
    switch (kind) {
      case 'json':
        return withText(
          f,
          huge
            ? s.replace(/"properties"\s*:\s*\{/, `"properties": { "ghi chú": ${JSON.stringify(big)},`)
            : s.replace(/"properties"\s*:\s*\{/, `"properties": { ${Array.from({ length: many }, (_, i) => `"k${i}": ${i}`).join(',')},`),
        );
      case 'xml':
        return withText(
          f,
          huge
            ? s.replace(/<name>/, `<name>${big.replace(/[<&]/g, '.')}`)
            : s.replace(/<Placemark([^>]*)>/, `<Placemark$1><ExtendedData>${Array.from({ length: many }, (_, i) => `<Data name="d${i}"><value>${i}</value></Data>`).join('')}</ExtendedData>`),
        );
      case 'csv': {
        const [head = '', ...rest] = s.split('\n');
        return withText(f, huge ? [head, ...rest.map((l) => `${l}${big.replace(/[\n"]/g, ' ')}`)].join('\n') : [`${head}${';c'.repeat(many)}`, ...rest].join('\n'));
      }
      default:
        return withText(f, s.replace(/\n  8\n[^\n]*\n/, `\n  8\n${big.replace(/\n/g, ' ')}\n`));
    }
  },
};

const manyCopies: Mutator = {
  name: 'many-copies',
  kinds: TEXT,
  apply: (f, rng, kind) => {
    const s = text(f.bytes);
    const n = pick(rng, [50, 2_000]);
    switch (kind) {
      case 'json': {
        const m = /\{\s*"type"\s*:\s*"Feature"[\s\S]*?\}\s*\}\s*(?=,|\])/.exec(s);
        return m ? withText(f, s.replace(m[0], Array(n).fill(m[0]).join(','))) : withText(f, s.repeat(2));
      }
      case 'xml': {
        const m = /<Placemark[\s\S]*?<\/Placemark>/.exec(s);
        return m ? withText(f, s.replace(m[0], m[0].repeat(n))) : withText(f, s.repeat(2));
      }
      case 'csv': {
        const lines = s.split('\n');
        return withText(f, [lines[0], ...Array<string>(n).fill(lines[1] ?? '')].join('\n'));
      }
      default:
        return withText(f, s.replace(/ENTITIES\r?\n([\s\S]*?)(\s*0\r?\nENDSEC)/, (_all, body: string, end: string) => `ENTITIES\n${body.repeat(Math.min(n, 100))}${end}`));
    }
  },
};

const concatenated: Mutator = {
  name: 'concatenated',
  kinds: ALL,
  apply: (f, rng) => withBytes(f, rng() < 0.5 ? concat(f.bytes, f.bytes) : concat(f.bytes, strToU8('\n<html><body>502 Bad Gateway</body></html>\n'))),
};

// ---- zip archives ---------------------------------------------------------------------------------

/** A zip's end-of-central-directory record alone: a valid archive with nothing in it. */
export const EMPTY_ZIP = Uint8Array.of(0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0));

/** A zip's entries, or null when an earlier mutation already broke the archive. */
function entriesOf(bytes: Uint8Array): Record<string, Uint8Array> | null {
  try {
    const entries = unzipSync(bytes);
    return Object.keys(entries).length > 0 ? entries : null;
  } catch {
    return null;
  }
}

const BYTE_MUTATORS = [truncate, flipBytes, insertBytes, deleteRange, duplicateRange, emptyish];

const emptyZip: Mutator = {
  name: 'empty-zip',
  kinds: ['zip'],
  apply: (f, rng) => {
    if (rng() < 0.5) return withBytes(f, EMPTY_ZIP);
    // The right entry names, every one empty (or only folders and macOS resource forks).
    const names = Object.keys(entriesOf(f.bytes) ?? { 'doc.kml': 0 });
    if (rng() < 0.5) return withBytes(f, zipStable(Object.fromEntries(names.map((n) => [n, new Uint8Array(0)]))));
    return withBytes(f, zipStable(Object.fromEntries(names.map((n) => [`__MACOSX/._${n}`, strToU8('junk')]))));
  },
};

const mutateEntry: Mutator = {
  name: 'mutate-entry',
  kinds: ['zip'],
  apply: (f, rng) => {
    const entries = entriesOf(f.bytes);
    if (!entries) return flipBytes.apply(f, rng, 'zip');
    const name = pick(rng, Object.keys(entries));
    const inner = entries[name]!;
    const kind: ContentKind = /\.kml$/i.test(name) ? 'xml' : /\.(prj|cpg)$/i.test(name) ? 'csv' : 'binary';
    const pool = kind === 'binary' ? BYTE_MUTATORS : [...BYTE_MUTATORS, reencode, nastyNumbers, ...(kind === 'xml' ? [deepNesting, hugeValue, manyCopies] : [])];
    const m = pick(rng, pool);
    entries[name] = m.apply({ name, bytes: inner }, rng, kind).bytes;
    return withBytes(f, zipStable(entries, { level: 1 }));
  },
};

const dropOrRename: Mutator = {
  name: 'drop-or-rename-entry',
  kinds: ['zip'],
  apply: (f, rng) => {
    const entries = entriesOf(f.bytes);
    if (!entries) return deleteRange.apply(f, rng, 'zip');
    const name = pick(rng, Object.keys(entries));
    const data = entries[name]!;
    delete entries[name];
    const choice = int(rng, 4);
    if (choice === 1) entries[name.toUpperCase()] = data;
    else if (choice === 2) entries[`thư mục/${'sâu/'.repeat(int(rng, 30))}${name}`] = data;
    else if (choice === 3) entries[`${name}.txt`] = data;
    return withBytes(f, zipStable(entries));
  },
};

/** The 4-byte little-endian field at `offset` of every local header and central directory entry. */
function patchZipSizes(bytes: Uint8Array, value: number, which: 'compressed' | 'uncompressed'): Uint8Array {
  const b = bytes.slice();
  const v = new DataView(b.buffer);
  for (let i = 0; i + 46 <= b.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50) v.setUint32(i + (which === 'compressed' ? 18 : 22), value, true);
    else if (sig === 0x02014b50) v.setUint32(i + (which === 'compressed' ? 20 : 24), value, true);
  }
  return b;
}

const sizeLie: Mutator = {
  name: 'zip-size-lie',
  kinds: ['zip'],
  apply: (f, rng) => {
    const value = pick(rng, [0, 1, 100, 0x7fffffff, 0xffffffff, 210 * 1024 * 1024]);
    return withBytes(f, patchZipSizes(f.bytes, value, rng() < 0.7 ? 'uncompressed' : 'compressed'));
  },
};

const nestedZip: Mutator = {
  name: 'zip-in-zip',
  kinds: ['zip'],
  apply: (f, rng) => {
    const depth = 1 + int(rng, 3);
    let b = f.bytes;
    for (let i = 0; i < depth; i++) b = zipStable({ [`lop-${i}.zip`]: b });
    return withBytes(f, b);
  },
};

const ZIP_MUTATORS = [emptyZip, mutateEntry, mutateEntry, dropOrRename, sizeLie, nestedZip];

// ---- names ------------------------------------------------------------------------------------------

const EXTENSIONS = ['kml', 'kmz', 'zip', 'geojson', 'json', 'csv', 'tsv', 'txt', 'dxf', 'shp', 'dbf', 'pdf', 'KML', 'GeoJSON', 'ZIP', ''];

/** The same bytes under another extension (or none): "Save as" with the wrong type. */
export function renamed(f: FuzzFile, rng: Rng): FuzzFile {
  const own = f.name.split('.').pop() ?? '';
  const ext = pick(rng, EXTENSIONS.filter((e) => e.toLowerCase() !== own.toLowerCase()));
  const stem = f.name.replace(/\.[^.]*$/, '');
  return { name: ext ? `${stem}.${ext}` : stem, bytes: f.bytes };
}

const wrongExtension: Mutator = { name: 'wrong-extension', kinds: ALL, apply: (f, rng) => renamed(f, rng) };

/** Every mutator, in a fixed order (the order decides which mutator a case index gets). */
export const MUTATORS: readonly Mutator[] = [
  ...BYTE_MUTATORS,
  reencode,
  encodingLie,
  nastyNumbers,
  deepNesting,
  hugeValue,
  manyCopies,
  concatenated,
  ...ZIP_MUTATORS.filter((m, i, a) => a.indexOf(m) === i),
  wrongExtension,
];

export function mutatorsFor(kind: ContentKind): Mutator[] {
  const own = MUTATORS.filter((m) => m.kinds.includes(kind));
  // Zips get their own mutators twice as often: the byte-level ones mostly just break the archive.
  return kind === 'zip' ? [...own, ...ZIP_MUTATORS] : own;
}

export function mutatorNamed(name: string): Mutator {
  const m = MUTATORS.find((x) => x.name === name);
  if (!m) throw new Error(`no mutator "${name}"`);
  return m;
}
