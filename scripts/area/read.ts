// Reading the file: GeoJSON as it is (a bow-tie is measured, not refused), every other format
// through the app's importers. Throws InputError with a message naming the file.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { type LooseFeature } from '../../src/analytics/area';
import { GEOMETRY_TYPES, isObject } from '../../src/io/import/geojson';
import {
  fileErrorMessage,
  ImportFileError,
  importFile,
  type ImportResult,
} from '../../src/io/import';

import type { Args } from './args';
import { InputError } from './inputError';

/** What a file gave: its features, and for imported formats what the importer said. */
export interface Read {
  features: LooseFeature[];
  /** `repaired`: the positions in `features` of polygons that crossed themselves, measured on their repaired shape */
  imported?: Pick<ImportResult, 'format' | 'crs' | 'problems' | 'textEncoding'> & { repaired?: number[] };
}

/** Reads one file into features (geometry and properties as found). Throws InputError. */
export type Reader = (path: string, args: Args) => Read | Promise<Read>;

/** The features of a parsed GeoJSON value (FeatureCollection, Feature or bare geometry), or null. */
function geojsonFeatures(json: unknown): LooseFeature[] | null {
  if (!isObject(json)) return null;
  if (json['type'] === 'FeatureCollection' && Array.isArray(json['features'])) {
    return json['features'].map((f): LooseFeature => (isObject(f) ? f : {}));
  }
  if (json['type'] === 'Feature' && 'geometry' in json) return [json];
  if (typeof json['type'] === 'string' && GEOMETRY_TYPES.has(json['type'])) return [{ geometry: json }];
  return null;
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`Lỗi: không tìm thấy tệp "${path}".`);
    if (code === 'EISDIR') throw new InputError(`Lỗi: "${path}" là thư mục, không phải tệp.`);
    throw new InputError(`Lỗi: không đọc được tệp "${path}" (${code ?? String(e)}).`);
  }
}

function readText(path: string): string {
  return readBytes(path).toString('utf8').replace(/^\uFEFF/, '');
}

/** The old-style `crs` member's name (GeoJSON 2008), or null when the file has none. */
function declaredCrs(json: unknown): string | null {
  if (!isObject(json) || !isObject(json['crs'])) return null;
  const props = json['crs']['properties'];
  return isObject(props) && typeof props['name'] === 'string' ? props['name'] : null;
}

/** Whether some coordinate lies outside degrees; walked without recursion (files may nest 100,000 deep). */
function outOfDegrees(features: readonly LooseFeature[]): boolean {
  const stack: unknown[] = features.map((f) => (isObject(f.geometry) ? f.geometry['coordinates'] : null));
  while (stack.length > 0) {
    const v = stack.pop();
    if (!Array.isArray(v)) continue;
    if (typeof v[0] === 'number' && typeof v[1] === 'number') {
      if (Math.abs(v[0]) > 180 || Math.abs(v[1]) > 90) return true;
    } else for (const x of v) stack.push(x);
  }
  return false;
}

const readGeoJson: Reader = (path) => {
  const text = readText(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`Lỗi: tệp "${path}" không phải JSON hợp lệ (${(e as Error).message}).`);
  }
  const crs = declaredCrs(json);
  if (crs !== null && !/(CRS84|EPSG:+4326)$/i.test(crs)) {
    throw new InputError(`Lỗi: tệp "${path}" khai báo hệ tọa độ ${crs}; lệnh chỉ đọc GeoJSON theo WGS84 (kinh độ, vĩ độ). Hãy xuất lại tệp theo WGS84.`);
  }
  const features = geojsonFeatures(json);
  if (features && outOfDegrees(features)) {
    throw new InputError(`Lỗi: tệp "${path}" có tọa độ ngoài kinh độ ±180°, vĩ độ ±90°: không phải WGS84 (có thể là mét VN-2000). Hãy xuất lại tệp theo WGS84.`);
  }
  if (!features) {
    throw new InputError(
      `Lỗi: tệp "${path}" không phải GeoJSON (cần FeatureCollection, Feature hoặc một đối tượng hình học).`,
    );
  }
  return { features };
};

/**
 * Any other format, through the app's importers. A file with no zone of its own is VN-2000 in the
 * --zone given, else Lào Cai's 104°45′ (and the output says which was used).
 */
const readImported: Reader = async (path, args) => {
  const bytes = new Uint8Array(readBytes(path));
  const parseXml = (text: string) => new DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
  let r: ImportResult;
  try {
    r = await importFile(path, bytes, {
      defaultZone: args.zone,
      ...(args.zoneGiven ? { zone: args.zone } : {}),
      parseXml,
    });
  } catch (e) {
    if (e instanceof ImportFileError) throw new InputError(`Lỗi: ${fileErrorMessage(e, 'vi')}`);
    throw e;
  }
  const features = r.features.map(
    (f): LooseFeature => ({
      geometry: f.geometry,
      // the importer's name (TEN_KCN, Tên…) as the `name` the report looks for
      properties: f.name !== null ? { ...f.properties, name: f.name } : f.properties,
      // a drawing's outlines have no names: label them by layer and handle, as CAD shows them
      ...(r.format === 'dxf' ? { id: `${String(f.properties['layer'])} #${String(f.properties['handle'])}` } : {}),
    }),
  );
  return {
    features,
    imported: {
      format: r.format,
      crs: r.crs,
      problems: r.problems,
      ...(r.textEncoding ? { textEncoding: r.textEncoding } : {}),
      repaired: r.features.flatMap((f, i) => (f.repair ? [i] : [])),
    },
  };
};

/** Readers by file extension; anything else is tried as GeoJSON. */
const READERS: Record<string, Reader> = {
  '.geojson': readGeoJson,
  '.json': readGeoJson,
  '.zip': readImported,
  '.shp': readImported,
  '.dxf': readImported,
  '.kml': readImported,
  '.kmz': readImported,
  '.csv': readImported,
  '.tsv': readImported,
  '.txt': readImported,
};

export async function readFeatures(args: Args): Promise<Read> {
  return (READERS[extname(args.file).toLowerCase()] ?? readGeoJson)(args.file, args);
}

