// Drawing on the main map with terra-draw: polygons, lines, and an edit mode that selects a shape,
// drags its vertices (or the whole shape), inserts a vertex from an edge's midpoint and deletes.
// The only module that imports terra-draw; the sketch panel loads it on first use, so the start-up
// bundle carries none of it. The app's store stays the record of the sketches: this controller shows
// the shapes it is given (`sync`) and reports what the planner drew or changed (`SketchEvents`).
import type { LineString, Polygon } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type HexColor,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { RUNTIME_PREFIX } from '../runtimeLayers';
import { SKETCH_LINE_COLOR } from '../layers/sketches';

export type SketchTool = 'polygon' | 'linestring' | 'select';

export interface SketchShape {
  id: string;
  geometry: Polygon | LineString;
}

export interface SketchEvents {
  /** a shape drawn to its end, or an edit let go (a vertex dropped, the shape moved): keep it */
  onShape(shape: SketchShape, action: 'draw' | 'edit'): void;
  /** the shape under the pencil as it stands now (also mid-drag, with the cursor as its last vertex), or null */
  onLive(shape: SketchShape | null, drawing: boolean): void;
  onSelect(id: string | null): void;
  /** shapes deleted on the map itself (the Delete key in edit mode) */
  onDelete(ids: string[]): void;
}

export interface SketchController {
  setTool(tool: SketchTool): void;
  /** shows exactly these shapes (adds, reshapes, removes); the shape being drawn is left alone */
  sync(shapes: readonly SketchShape[]): void;
  /** selects a shape for editing (switches to edit mode); asked before terra-draw has started or before the shape is
   *  on the map, it is selected once both are there */
  select(id: string): void;
  /** drops the shape being drawn (Escape) */
  cancel(): void;
  stop(): void;
}

/** The user's sketches are purple, on the map's own sketch layer too: apart from the kind colours (blue, orange) and clearance (green, amber, grey). */
const SKETCH_COLOR: HexColor = SKETCH_LINE_COLOR;
const WHITE: HexColor = '#ffffff';

let counter = 0;
/** Ids are slugs (the clearance parcel made from a sketch carries one) and unique across reloads. */
export function newSketchId(): string {
  counter = (counter + 1) % 1296;
  return `s-${Date.now().toString(36)}-${counter.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const KINDS = { polygon: 'Polygon', linestring: 'LineString' } as const;

function shapeOf(f: GeoJSONStoreFeatures | undefined): SketchShape | null {
  if (!f || typeof f.id !== 'string') return null;
  const mode = f.properties['mode'];
  if (mode !== 'polygon' && mode !== 'linestring') return null;
  // Guidance points (closing points, vertices of the shape being drawn) carry the mode of their shape.
  if (f.geometry.type !== KINDS[mode]) return null;
  return { id: f.id, geometry: f.geometry as Polygon | LineString };
}

const modeOf = (g: SketchShape['geometry']) => (g.type === 'Polygon' ? 'polygon' : 'linestring');

export function startSketch(map: MlMap, events: SketchEvents, initial: SketchTool = 'polygon'): SketchController {
  const vertex = {
    coordinatePointColor: SKETCH_COLOR,
    coordinatePointWidth: 4,
    coordinatePointOutlineColor: WHITE,
    coordinatePointOutlineWidth: 2,
    closingPointColor: WHITE,
    closingPointWidth: 6,
    closingPointOutlineColor: SKETCH_COLOR,
    closingPointOutlineWidth: 2,
  };
  const editFlags = { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } };
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: RUNTIME_PREFIX.replace(/-$/, '') }),
    idStrategy: { isValidId: (id) => typeof id === 'string' && ID_PATTERN.test(id), getId: newSketchId },
    modes: [
      new TerraDrawPolygonMode({
        // Escape is handled by the panel (it works wherever the focus is, not only on the canvas).
        keyEvents: { cancel: null, finish: 'Enter' },
        showCoordinatePoints: true,
        styles: { fillColor: SKETCH_COLOR, fillOpacity: 0.18, outlineColor: SKETCH_COLOR, outlineWidth: 2.5, ...vertex },
      }),
      new TerraDrawLineStringMode({
        keyEvents: { cancel: null, finish: 'Enter' },
        showCoordinatePoints: true,
        styles: { lineStringColor: SKETCH_COLOR, lineStringWidth: 3, ...vertex },
      }),
      new TerraDrawSelectMode({
        flags: { polygon: editFlags, linestring: editFlags },
        styles: {
          selectedPolygonColor: SKETCH_COLOR,
          selectedPolygonFillOpacity: 0.28,
          selectedPolygonOutlineColor: SKETCH_COLOR,
          selectedPolygonOutlineWidth: 3,
          selectedLineStringColor: SKETCH_COLOR,
          selectedLineStringWidth: 4,
          selectionPointColor: WHITE,
          selectionPointWidth: 6,
          selectionPointOutlineColor: SKETCH_COLOR,
          selectionPointOutlineWidth: 2.5,
          midPointColor: SKETCH_COLOR,
          midPointWidth: 4,
          midPointOutlineColor: WHITE,
          midPointOutlineWidth: 1.5,
        },
      }),
    ],
  });

  // Shapes of the sketches (not the shape being drawn): a delete of one of these is the planner's.
  const known = new Set<string>();
  let stopped = false;

  const onChange = (ids: (string | number)[], type: string, context?: { origin?: string; target?: string }) => {
    // Our own add/reshape/remove (sync) and the clean-up when stopping are not the planner's doing.
    if (stopped || context?.origin === 'api') return;
    if (type === 'delete') {
      const gone = ids.filter((id): id is string => typeof id === 'string' && known.delete(id));
      if (gone.length > 0) events.onDelete(gone);
      return;
    }
    if (type !== 'create' && type !== 'update') return;
    for (const id of ids) {
      const f = draw.getSnapshotFeature(id);
      const shape = shapeOf(f);
      if (shape) events.onLive(shape, f?.properties['currentlyDrawing'] === true);
    }
  };
  const onFinish = (id: string | number, context: { action: string }) => {
    const shape = shapeOf(draw.getSnapshotFeature(id));
    if (!shape) return;
    known.add(shape.id);
    events.onShape(shape, context.action === 'draw' ? 'draw' : 'edit');
    events.onLive(shape, false);
  };
  const onSelect = (id: string | number) => {
    const shape = shapeOf(draw.getSnapshotFeature(id));
    events.onSelect(shape?.id ?? null);
    if (shape) events.onLive(shape, false);
  };
  const onDeselect = () => {
    events.onSelect(null);
    events.onLive(null, false);
  };

  // A shape picked from the list before terra-draw has started (it waits for the style: after a reload
  // that can take seconds) or before its shape is on the map: selected as soon as both are there.
  let toSelect: string | null = null;
  const selectPending = () => {
    if (!toSelect || !draw.enabled || !draw.hasFeature(toSelect)) return;
    const id = toSelect;
    toSelect = null;
    if (draw.getMode() !== 'select') draw.setMode('select');
    draw.selectFeature(id, 'select');
  };

  let pending: readonly SketchShape[] | null = null;
  const sync = (shapes: readonly SketchShape[]) => {
    if (!draw.enabled) {
      pending = shapes;
      return;
    }
    const wanted = new Map(shapes.map((s) => [s.id, s]));
    const present = new Map<string, SketchShape>();
    for (const f of draw.getSnapshot()) {
      const shape = shapeOf(f);
      if (shape && f.properties['currentlyDrawing'] !== true) present.set(shape.id, shape);
    }
    const remove = [...present.keys()].filter((id) => !wanted.has(id));
    if (remove.length > 0) draw.removeFeatures(remove);
    for (const id of remove) known.delete(id);
    const add: GeoJSONStoreFeatures[] = [];
    for (const s of shapes) {
      const cur = present.get(s.id);
      known.add(s.id);
      if (!cur) {
        add.push({ type: 'Feature', id: s.id, geometry: s.geometry, properties: { mode: modeOf(s.geometry) } });
      } else if (JSON.stringify(cur.geometry.coordinates) !== JSON.stringify(s.geometry.coordinates)) {
        draw.updateFeatureGeometry(s.id, s.geometry);
      }
    }
    if (add.length > 0) {
      // A stored shape terra-draw refuses (it checks geometry) stays in the list, only not on the map.
      for (const r of draw.addFeatures(add)) if (!r.valid && typeof r.id === 'string') known.delete(r.id);
    }
    if (toSelect && !wanted.has(toSelect)) toSelect = null;
    selectPending();
  };

  const begin = () => {
    if (stopped) return;
    draw.start();
    draw.setMode(initial);
    draw.on('change', onChange);
    draw.on('finish', onFinish);
    draw.on('select', onSelect);
    draw.on('deselect', onDeselect);
    if (pending) sync(pending);
    pending = null;
    selectPending();
  };
  // The adapter adds its sources and layers at once: the style must be there.
  if (map.isStyleLoaded()) begin();
  else map.once('idle', begin);

  return {
    setTool(tool) {
      if (tool !== 'select') toSelect = null;
      if (!draw.enabled) {
        initial = tool;
        return;
      }
      // Setting the mode again also drops a half-drawn shape, as leaving a tool should.
      draw.setMode(tool);
      events.onLive(null, false);
    },
    sync,
    select(id) {
      toSelect = id;
      selectPending();
    },
    cancel() {
      if (!draw.enabled) return;
      const mode = draw.getMode();
      if (mode === 'polygon' || mode === 'linestring') draw.setMode(mode);
      events.onLive(null, false);
    },
    stop() {
      stopped = true;
      map.off('idle', begin);
      if (!draw.enabled) return;
      draw.off('change', onChange);
      draw.off('finish', onFinish);
      draw.off('select', onSelect);
      draw.off('deselect', onDeselect);
      draw.stop();
    },
  };
}
