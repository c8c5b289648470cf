// shpjs ships no types. Only the two functions the Shapefile importer uses are declared, as
// src/io/import/shapefile.ts calls them: without a projection (we reproject ourselves, with the
// VN-2000 datum shift that the .prj files lack) and with a code-page label for the DBF text.
declare module 'shpjs' {
  /** One geometry per .shp record (null for a null shape); coordinates as stored in the file. */
  export function parseShp(shp: Uint8Array | ArrayBuffer | DataView): Array<ShpjsGeometry | null>;
  /** One row per .dbf record; text decoded with `encoding` (a TextDecoder label) or UTF-8. */
  export function parseDbf(
    dbf: Uint8Array | ArrayBuffer | DataView,
    encoding?: string,
  ): Array<Record<string, string | number | boolean | Date>>;
  export type ShpjsPosition = number[];
  export type ShpjsGeometry =
    | { type: 'Point'; coordinates: ShpjsPosition }
    | { type: 'MultiPoint'; coordinates: ShpjsPosition[] }
    | { type: 'LineString'; coordinates: ShpjsPosition[] }
    | { type: 'MultiLineString'; coordinates: ShpjsPosition[][] }
    | { type: 'Polygon'; coordinates: ShpjsPosition[][] }
    | { type: 'MultiPolygon'; coordinates: ShpjsPosition[][][] };
}
