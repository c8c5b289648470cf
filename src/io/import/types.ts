// What every importer returns, whatever the file format. Importers are pure: they take bytes (and a
// file name), never touch the store, React or MapLibre, and report problems as codes that
// ./messages turns into Vietnamese or English sentences naming the feature and what is wrong.
import type { Geometry } from 'geojson';

export type ImportFormat = 'geojson' | 'kml' | 'kmz' | 'shapefile' | 'csv' | 'dxf';

/** How a format is named to people (the same in both languages). */
export const FORMAT_LABEL: Record<ImportFormat, string> = {
  geojson: 'GeoJSON',
  kml: 'KML',
  kmz: 'KMZ',
  shapefile: 'Shapefile',
  csv: 'CSV',
  dxf: 'DXF',
};

/** Where the coordinates came from: already WGS84, or VN-2000 TM-3 reprojected with the 7-parameter shift. */
export type SourceCrs =
  | { kind: 'wgs84' }
  | {
      kind: 'vn2000';
      /** central meridian in decimal degrees (104.75 = 104°45′) */
      zone: number;
      /** how the zone was known: the .prj, a column/parameter, the user's answer, or the region's default */
      zoneFrom: 'prj' | 'file' | 'user' | 'region-default';
    };

export type AttributeValue = string | number | boolean | null;

export interface ImportedFeature {
  /** 0-based position in the file (row for CSV, record for Shapefile, placemark for KML) */
  index: number;
  /** the feature's name as the file gives it (Name, Tên, ten…), or null */
  name: string | null;
  /** WGS84 longitude/latitude, always */
  geometry: Geometry;
  /** the file's attributes, text as text (never interpreted as HTML) */
  properties: Record<string, AttributeValue>;
  /** set when the file's polygon crossed itself and `geometry` is its repaired shape (make-valid) */
  repair?: GeometryRepair;
}

/**
 * A polygon whose ring crossed itself, kept as the valid shape covering the same ground (a bow-tie
 * split into its two parts), so the layer does not silently lack it. Its area is that of the
 * repaired shape and is labelled so wherever it is shown; the planner may leave the feature out.
 */
export interface GeometryRepair {
  fault: 'self-intersection';
  /** where the file's ring crosses itself, [lon, lat] (the first few, west to east) */
  at: [number, number][];
  /** how many crossings were found */
  count: number;
}

/** Why a feature was left out (or, for warnings, kept with a remark). */
export type FeatureProblemCode =
  | 'empty-geometry'
  | 'null-geometry'
  | 'unclosed-ring'
  | 'self-intersection'
  /** a warning: the polygon crossed itself and was loaded as its repaired shape; detail {lon, lat, count} */
  | 'geometry-repaired'
  /** a hole of a polygon lies (partly) outside its outer ring (polygonCheck's 'hole-outside') */
  | 'hole-outside'
  | 'too-few-points'
  /** a ring whose corners all lie on one line: it encloses no area */
  | 'zero-area'
  | 'outside-vietnam'
  | 'duplicate-id'
  | 'missing-name'
  | 'bad-coordinate'
  | 'unsupported-geometry'
  /** DXF entities of a kind that is not imported (TEXT, HATCH, INSERT…): detail { type, count } */
  | 'skipped-entities';

export interface FeatureProblem {
  index: number;
  name: string | null;
  code: FeatureProblemCode;
  /** 'error': the feature is not loaded; 'warning': loaded, with a remark (e.g. missing name) */
  severity: 'error' | 'warning';
  /** specifics for the message: the duplicate id, the coordinate, the column… */
  detail?: Record<string, string | number>;
}

/** A file that cannot be read at all: one message, nothing loaded. */
export type FileErrorCode =
  | 'too-large'
  | 'empty-file'
  | 'unknown-format'
  | 'not-json'
  | 'not-geojson'
  | 'not-xml'
  | 'not-kml'
  /** a .kmz (a zip) that holds no .kml document */
  | 'kmz-without-kml'
  | 'bad-zip'
  | 'zip-without-shp'
  | 'shp-without-dbf'
  | 'bad-shp'
  | 'bad-dbf'
  | 'unknown-prj'
  | 'csv-no-coordinates'
  | 'csv-empty'
  | 'bad-dxf'
  | 'no-features';

export class ImportFileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'ImportFileError';
  }
}

export interface ImportResult {
  format: ImportFormat;
  /** a layer name for the user: the file name without extension, or the KML document's name */
  layerName: string;
  crs: SourceCrs;
  /** the features that passed validation */
  features: ImportedFeature[];
  /** every feature left out, and warnings about those kept */
  problems: FeatureProblem[];
  /** how attribute text was decoded, for formats that may not say (Shapefile DBF, DXF) */
  textEncoding?: TextEncodingNote;
}

export interface TextEncodingNote {
  /** the TextDecoder encoding used: 'utf-8', 'windows-1258'… */
  label: string;
  /** 'declared' by the file (.cpg, DXF $DWGCODEPAGE); 'detected' as valid UTF-8; 'fallback':
   * not UTF-8 and nothing declared, read as Windows-1258 (the planner should check the names) */
  from: 'declared' | 'detected' | 'fallback';
  /** the layer whose text this is, when a zip holds several */
  layer?: string;
}

export interface ImportOptions {
  /** the open region's VN-2000 zone, used when a projected file does not say its zone */
  defaultZone: number;
  /** the user's answer when asked for the zone; wins over the default */
  zone?: number;
  /** bytes above which a file is refused before reading (default 200 MB) */
  maxBytes?: number;
  /** told how many of the file's features have been checked so far (the import worker's progress bar) */
  onProgress?: (checked: number, total: number) => void;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
