// What the browser keeps between visits (imported layers, their links to sites, sketches) must look like
// this to be put back. The schemas use zod, which is not part of the first load: the stores load this
// module when they first read what is stored (app/loadRegion.ts fetches zod at start, in parallel).
import { z } from '../domain/z';

export const storedLinks = z.array(
  z.object({ layerId: z.string().min(1), featureIndex: z.number().int().nonnegative(), siteId: z.string().min(1).nullable(), manual: z.boolean() }),
);

// What a stored layer must look like to be put back on the map. Geometry is checked for a type and
// coordinates (the importer validated it when the file was read); the rest field by field.
const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const geometry = z.union([
  z.looseObject({ type: z.enum(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
  // A KML MultiGeometry mixing kinds (a point and an area) is kept as a collection.
  z.looseObject({ type: z.literal('GeometryCollection'), geometries: z.array(z.looseObject({ type: z.string() })) }),
]);
export const storedLayer = z.object({
  id: z.string().min(1),
  name: z.string(),
  fileName: z.string(),
  format: z.enum(['geojson', 'kml', 'kmz', 'shapefile', 'csv', 'dxf']),
  crs: z.union([
    z.object({ kind: z.literal('wgs84') }),
    z.object({ kind: z.literal('vn2000'), zone: z.number().min(102).max(110), zoneFrom: z.enum(['prj', 'file', 'user', 'region-default']) }),
  ]),
  textEncoding: z.object({ label: z.string(), from: z.enum(['declared', 'detected', 'fallback']), layer: z.string().optional() }).optional(),
  features: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry,
        properties: z.object({
          index: z.number(),
          name: z.string().nullable(),
          attrs: z.record(z.string(), value),
          repair: z
            .object({ fault: z.literal('self-intersection'), at: z.array(z.tuple([z.number(), z.number()])), count: z.number() })
            .optional(),
        }),
      }),
    ),
  }),
  problems: z.array(
    z.object({
      index: z.number(),
      name: z.string().nullable(),
      code: z.string(),
      severity: z.enum(['error', 'warning']),
      detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  visible: z.boolean(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  importedAt: z.string(),
  leftOut: z.array(z.number()).optional(),
});

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], z.number());
export const storedSketch = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  geometry: z.union([
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4)).min(1) }),
    z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  ]),
  name: z.string(),
  clearance: z.object({ siteId: z.string().min(1), status: z.enum(['cleared', 'in-progress', 'not-started']), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).nullable(),
  createdAt: z.string(),
});

