// A planner's own file as the app keeps it: plain data (IndexedDB stores it as it is), read by the
// store, the map, the analytics and the exports alike.
import type { FeatureCollection, Geometry } from 'geojson';
import type { AttributeValue, FeatureProblem, GeometryRepair, ImportFormat, SourceCrs, TextEncodingNote } from '../io/import/types';

/** What the map and the panel need of one feature of a planner's file. */
export interface ImportedFeatureProps {
  /** 0-based position in the file, as the importer counted it */
  index: number;
  name: string | null;
  /** the file's attributes, as text/numbers (rendered as text, never HTML) */
  attrs: Record<string, AttributeValue>;
  /** the file's polygon crossed itself: the geometry is its repaired shape, labelled so wherever its area shows */
  repair?: GeometryRepair;
}

/** A planner's own file, read into the app: plain data, so it can be kept in IndexedDB as it is. */
export interface ImportedLayer {
  id: string;
  /** the planner's name for the layer (starts as the file's or the KML document's name) */
  name: string;
  fileName: string;
  format: ImportFormat;
  crs: SourceCrs;
  textEncoding?: TextEncodingNote;
  features: FeatureCollection<Geometry, ImportedFeatureProps>;
  problems: FeatureProblem[];
  visible: boolean;
  /** #rrggbb */
  color: string;
  /** ISO timestamp */
  importedAt: string;
  /** the features (their `index`) the planner left out: not drawn, measured or linked to a site */
  leftOut?: number[];
}

/** The features of a layer the planner has not left out. */
export function keptFeatures(layer: Pick<ImportedLayer, 'features' | 'leftOut'>): ImportedLayer['features']['features'] {
  const out = layer.leftOut;
  return out && out.length > 0 ? layer.features.features.filter((f) => !out.includes(f.properties.index)) : layer.features.features;
}

/** Colours handed to new layers in turn: apart from the KCN blue / CCN orange of the built-in data. */
export const IMPORT_COLORS = ['#00897b', '#8e24aa', '#c2185b', '#558b2f', '#5d4037', '#0277bd', '#f9a825', '#455a64'] as const;
