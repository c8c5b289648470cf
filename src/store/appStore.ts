// One store built from typed slices; createAppStore() gives each test (and each app) a fresh one.
// It holds serializable state only: the MapLibre instance lives in React context, not here.
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { PreparedRegion } from '../domain/prepare';
import { applyLinks, resolveLinks, type ResolvedLink, type SiteLink } from '../domain/siteLinks';
import { applySketches, type Sketch, type SketchClearance } from '../domain/sketches';
import type { ScenarioId, ScenarioView } from '../domain/scenarioIds';

import type { PlanDiff } from '../analytics/planDiff';
import type { RegionReport } from '../analytics/report';
import type { ProvinceTotals } from '../analytics/overview';
import type { Lang } from '../i18n/format';
import { allVisible, type LayerKey, type Visibility } from './layers';
import { replaySlice, type ReplaySlice } from './replay';
import { NO_FILTER, type SiteFilter } from '../domain/siteFilter';
import { basemapFor, type BasemapId } from '../domain/basemapChoice';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { AttributeValue, FeatureProblem, FileErrorCode, GeometryRepair, ImportFormat, SourceCrs, TextEncodingNote } from '../io/import/types';

export { NO_FILTER, type SiteFilter };
export type { Sketch, SketchClearance };

export type Selection = { type: 'site' | 'road' | 'relocation' | 'landmark'; id: string };

export interface RegionEntry {
  id: string;
  name: { vi: string; en: string };
}

export interface DataSlice {
  /** the region asked for; `region` follows once its files are loaded and valid */
  regionId: string;
  /** what the map, panels and report show: the loaded region with the planner's linked outlines */
  region: PreparedRegion | null;
  /** the region as loaded and prepared, before any site is linked to an imported polygon */
  loadedRegion: PreparedRegion | null;
  /** every region the build carries, for the switcher */
  regions: RegionEntry[];
  /** messages of a failed load, shown instead of the map data */
  loadErrors: string[] | null;
  setRegion: (region: PreparedRegion) => void;
  setRegions: (regions: RegionEntry[]) => void;
  /** switch region: what belongs to the old one (selection, report, filters) is cleared */
  setRegionId: (id: string) => void;
  setLoadErrors: (errors: string[]) => void;
}

export interface LayersSlice {
  visible: Visibility;
  toggleLayer: (key: LayerKey) => void;
  setLayerVisible: (key: LayerKey, on: boolean) => void;
}

export interface SelectionSlice {
  hovered: Selection | null;
  selected: Selection | null;
  setHovered: (s: Selection | null) => void;
  select: (s: Selection | null) => void;
}

export type { BasemapId } from '../domain/basemapChoice';
export interface BasemapSlice {
  /** the basemap drawn: the person's choice, else the province's default (domain/basemapChoice.ts) */
  basemap: BasemapId;
  /** what the person picked (switcher or link); null follows each province's default */
  basemapChoice: BasemapId | null;
  /** a message for the user after an automatic fallback; cleared on the next switch */
  basemapNotice: string | null;
  /** null: back to the province's default */
  setBasemap: (id: BasemapId | null) => void;
  basemapFailed: () => void;
}

/** Where the map looks: what the URL, slides and the bridge exchange. */
export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface ViewSlice {
  /** the map's current camera, reported by the bridge after each move (null before the map exists) */
  camera: Camera | null;
  setCamera: (c: Camera) => void;
  /** ask the map to move; the bridge watches the sequence number. duration 0 jumps. */
  cameraRequest: { camera: Camera; duration: number; seq: number } | null;
  requestCamera: (camera: Camera, duration?: number) => void;
  /** where to look once the region is drawn, instead of framing the whole province (a shared link's view) */
  pendingCamera: Camera | null;
  setPendingCamera: (c: Camera | null) => void;
  /** sites drawn with emphasis (a slide's highlighted sites) */
  highlighted: string[];
  setHighlighted: (ids: string[]) => void;
  /** incremented to ask the map to fit the region; the map bridge watches it */
  fitRequest: number;
  requestFit: () => void;
  /** incremented to ask the map to show the whole country */
  nationalRequest: number;
  requestNationalView: () => void;
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export type SidebarTab = 'layers' | 'targets' | 'tasks' | 'sites' | 'stats' | 'overview' | 'imports';

export interface AnalyticsSlice {
  /** report date; defaults to the region's as-of date */
  reportAsOf: string | null;
  report: RegionReport | null;
  /** true while the report is being computed (worker) */
  reportBusy: boolean;
  setReportAsOf: (d: string) => void;
  setReport: (r: RegionReport | null) => void;
  setReportBusy: (b: boolean) => void;
  /** per-province totals, once the overview has loaded every region */
  overview: ProvinceTotals[] | null;
  setOverview: (o: ProvinceTotals[]) => void;
}

export interface PanelsSlice {
  tab: SidebarTab;
  setTab: (t: SidebarTab) => void;
  siteFilter: SiteFilter;
  setSiteFilter: (f: Partial<SiteFilter>) => void;
  /** ask the map to fly to a site; the bridge watches the sequence number */
  flyTo: { siteId: string; seq: number } | null;
  requestFlyTo: (siteId: string) => void;
  /** the data editor ("Biên tập dữ liệu") is open in place of the sidebar */
  editing: boolean;
  setEditing: (on: boolean) => void;
  // Data editor (app/draftView.ts): the map shows the editor's unpublished working copy, and a map click
  // may be asked for to move a site's point.
  /** the region shown is the editor's draft (the shipped files with this many edits), not the published data */
  draft: { edits: number } | null;
  setDraft: (draft: { edits: number } | null) => void;
  /** the editor waits for a click on the map (to move a site's point); the bridge answers in pickedPoint */
  pickingPoint: boolean;
  pickedPoint: { at: [number, number]; seq: number } | null;
  setPickingPoint: (on: boolean) => void;
  pickPoint: (at: [number, number]) => void;
}

export interface PresentationSlice {
  /** presentation mode is on: slides fill the screen */
  presenting: boolean;
  /** index of the current slide of the region's story */
  slide: number;
  /** kiosk: the story plays itself and returns to the first slide after idle time */
  kiosk: boolean;
  /** kiosk times (seconds) that take precedence over the story's, e.g. for a rehearsal or a browser test */
  kioskTiming: { slideSeconds?: number; idleSeconds?: number } | null;
  /** the layers the user had before presenting: slides change them, leaving puts them back */
  layersBefore: Visibility | null;
  /** the slide-authoring panel is open */
  authoring: boolean;
  startPresenting: (options?: { slide?: number; kiosk?: boolean }) => void;
  stopPresenting: () => void;
  setSlide: (n: number) => void;
  setKiosk: (on: boolean) => void;
  setKioskTiming: (t: { slideSeconds?: number; idleSeconds?: number } | null) => void;
  setAuthoring: (on: boolean) => void;
}

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

/** The outcome of the last import, for the panel to report. */
export type ImportNotice =
  | { kind: 'loaded'; layerId: string; fileName: string; count: number; rejected: number; replaced: boolean }
  /** a file that could not be read: nothing was loaded and nothing changed */
  | { kind: 'error'; fileName: string; code: FileErrorCode | 'unexpected'; detail: Record<string, string | number> }
  /** a layer was removed; `index` is where it stood, so undo puts it back in place */
  | { kind: 'removed'; layer: ImportedLayer; index: number }
  /** several files picked or dropped together: one outcome per file, in the order they were read */
  | { kind: 'batch'; notices: SingleFileNotice[] };

export type SingleFileNotice = Extract<ImportNotice, { kind: 'loaded' | 'error' }>;

/** Trouble with the browser's storage of imported layers (IndexedDB). */
export interface ImportStorageNotice {
  /** quota: the browser's storage is full; corrupt: stored entries could not be read; unavailable: no storage */
  kind: 'quota' | 'corrupt' | 'unavailable';
  /** the layers concerned (names where known, else storage keys) */
  names: string[];
}

/** Colours handed to new layers in turn: apart from the KCN blue / CCN orange of the built-in data. */
export const IMPORT_COLORS = ['#00897b', '#8e24aa', '#c2185b', '#558b2f', '#5d4037', '#0277bd', '#f9a825', '#455a64'] as const;

export interface ImportsSlice {
  imports: ImportedLayer[];
  /** the file being read, while it is read */
  importBusy: string | null;
  importNotice: ImportNotice | null;
  importStorageNotice: ImportStorageNotice | null;
  /** adds a layer, or replaces the one with the same id in place (a re-import with another zone) */
  addImport: (layer: ImportedLayer) => void;
  /** the layers kept in the browser, at start; layers already added in this session stay first */
  setImports: (layers: ImportedLayer[]) => void;
  renameImport: (id: string, name: string) => void;
  setImportColor: (id: string, color: string) => void;
  toggleImport: (id: string) => void;
  /** leave one feature of a layer out (or take it back): a repaired polygon the planner does not trust */
  setImportFeatureLeftOut: (id: string, featureIndex: number, leftOut: boolean) => void;
  removeImport: (id: string) => void;
  /** puts back the layer the last removal took away */
  undoRemoveImport: () => void;
  setImportBusy: (fileName: string | null) => void;
  setImportNotice: (n: ImportNotice | null) => void;
  setImportStorageNotice: (n: ImportStorageNotice | null) => void;
  /** ask the map to frame an imported layer; the bridge watches the sequence number */
  importFlyTo: { layerId: string; seq: number } | null;
  requestImportFlyTo: (layerId: string) => void;
  /** imported polygons linked to sites: each replaces the site's outline in `region` */
  siteLinks: SiteLink[];
  /** sets (or, with siteId undefined, removes) the link of one polygon */
  setSiteLink: (layerId: string, featureIndex: number, siteId: string | null | undefined, manual: boolean) => void;
  /** adds links for polygons that have none yet, to sites no polygon has (the stored links at start, or accepted suggestions) */
  addSiteLinks: (links: SiteLink[]) => void;
}

/** swipe: one map over the other, split by a draggable divider; side: two maps next to each other */
export type CompareMode = 'swipe' | 'side';
export interface CompareState {
  left: ScenarioId;
  right: ScenarioId;
  mode: CompareMode;
}

export interface CompareSlice {
  /** compare mode is on when set */
  compare: CompareState | null;
  /** where the swipe divider stands, as a fraction of the map's width */
  swipeAt: number;
  /** the diff row the planner picked: its pieces are drawn emphasised on both maps */
  compareFocus: string | null;
  /** the diff of the two sides, once computed (src/features/compare/compareRunner.ts) */
  compareResult: CompareResult | null;
  setCompareResult: (r: CompareResult | null) => void;
  startCompare: (c?: Partial<CompareState>) => void;
  setCompare: (c: Partial<CompareState>) => void;
  stopCompare: () => void;
  setSwipeAt: (x: number) => void;
  setCompareFocus: (key: string | null) => void;
}

export interface CompareResult {
  /** the sides it was computed for: a result for other sides is stale */
  left: ScenarioId;
  right: ScenarioId;
  diff: PlanDiff;
  /** the added and removed pieces, for the map */
  pieces: FeatureCollection<Polygon | MultiPolygon, DiffPieceProps>;
  /** sides naming an imported layer this browser does not have */
  missing: ('left' | 'right')[];
  /** what each side's map draws (src/domain/scenarios.ts scenarioView) */
  views: { left: ScenarioView; right: ScenarioView };
}


/** What the map reads of a diff piece. */
export interface DiffPieceProps {
  key: string;
  change: 'added' | 'removed';
  name_vi: string;
  name_en: string;
}

export const DEFAULT_COMPARE: CompareState = { left: 'existing', right: 'plan', mode: 'swipe' };

export interface SketchSlice {
  /** the sketch toolbar is open on the map */
  sketching: boolean;
  sketches: Sketch[];
  setSketching: (on: boolean) => void;
  /** adds a sketch, or replaces the one with the same id (an edited shape) */
  putSketch: (s: Sketch) => void;
  /** the sketches kept in the browser, at start; those drawn already in this session stay */
  setSketches: (list: Sketch[]) => void;
  renameSketch: (id: string, name: string) => void;
  /** tags a polygon as clearance of a site, or (null) untags it */
  tagSketch: (id: string, clearance: SketchClearance | null) => void;
  removeSketch: (id: string) => void;
}

/**
 * The shown region from the loaded one, the links and the sketches. It remembers its last answer, so a
 * change that moves no linked polygon and no tagged sketch (a colour, a toggle, another layer, a line)
 * keeps the same region object and nothing downstream (map sources, report) recomputes.
 */
function regionDeriver() {
  let last: { base: PreparedRegion; resolved: ResolvedLink[]; tagged: Sketch[]; region: PreparedRegion } | null = null;
  const same = (a: ResolvedLink[], b: ResolvedLink[]) =>
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.siteId === y.siteId && x.geometry === y.geometry && x.source.layerName === y.source.layerName && x.source.fileName === y.source.fileName && x.source.featureName === y.source.featureName && x.source.repaired === y.source.repaired;
    });
  const sameSketches = (a: Sketch[], b: Sketch[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return (base: PreparedRegion | null, imports: ImportedLayer[], links: SiteLink[], sketches: Sketch[]): PreparedRegion | null => {
    if (!base) return null;
    const resolved = links.length === 0 ? [] : resolveLinks(links, imports);
    const tagged = sketches.filter((x) => x.clearance !== null);
    if (last && last.base === base && same(last.resolved, resolved) && sameSketches(last.tagged, tagged)) return last.region;
    const region = applySketches(applyLinks(base, resolved), tagged);
    last = { base, resolved, tagged, region };
    return region;
  };
}
type DeriveRegion = ReturnType<typeof regionDeriver>;

export type AppState = DataSlice &
  ReplaySlice &
  LayersSlice &
  SelectionSlice &
  BasemapSlice &
  ViewSlice &
  AnalyticsSlice &
  PanelsSlice &
  PresentationSlice &
  ImportsSlice &
  CompareSlice &
  SketchSlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

const dataSlice =
  (regionId: string, derive: DeriveRegion): Slice<DataSlice> =>
  (set) => ({
    regionId,
    region: null,
    loadedRegion: null,
    regions: [],
    loadErrors: null,
    setRegion: (region) =>
      set((s) => ({
        loadedRegion: region,
        region: derive(region, s.imports, s.siteLinks, s.sketches),
        loadErrors: null,
        regionId: region.data.region.id,
        basemap: basemapFor(s.basemapChoice, region.data.region),
      })),
    setRegions: (regions) => set({ regions }),
    setRegionId: (id) =>
      set((s) =>
        s.regionId === id
          ? {}
          : { regionId: id, selected: null, hovered: null, report: null, reportAsOf: null, replayAt: null, replayPlaying: null, replayDrawn: null, siteFilter: NO_FILTER, flyTo: null, loadErrors: null, highlighted: [], slide: 0 },
      ),
    setLoadErrors: (errors) => set({ loadErrors: errors }),
  });

const layersSlice: Slice<LayersSlice> = (set) => ({
  visible: allVisible(),
  toggleLayer: (key) => set((s) => ({ visible: { ...s.visible, [key]: !s.visible[key] } })),
  setLayerVisible: (key, on) => set((s) => ({ visible: { ...s.visible, [key]: on } })),
});

const selectionSlice: Slice<SelectionSlice> = (set) => ({
  hovered: null,
  selected: null,
  setHovered: (hovered) => set({ hovered }),
  select: (selected) => set({ selected }),
});

const basemapSlice: Slice<BasemapSlice> = (set) => ({
  basemap: 'embedded',
  basemapChoice: null,
  basemapNotice: null,
  setBasemap: (choice) => set((s) => ({ basemapChoice: choice, basemap: basemapFor(choice, s.loadedRegion?.data.region), basemapNotice: null })),
  basemapFailed: () => set({ basemap: 'embedded', basemapChoice: 'embedded', basemapNotice: 'fallback' }),
});

const viewSlice: Slice<ViewSlice> = (set) => ({
  camera: null,
  setCamera: (camera) => set({ camera }),
  cameraRequest: null,
  requestCamera: (camera, duration = 0) => set((s) => ({ cameraRequest: { camera, duration, seq: (s.cameraRequest?.seq ?? 0) + 1 } })),
  pendingCamera: null,
  setPendingCamera: (pendingCamera) => set({ pendingCamera }),
  highlighted: [],
  setHighlighted: (highlighted) => set({ highlighted }),
  fitRequest: 0,
  requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
  nationalRequest: 0,
  requestNationalView: () => set((s) => ({ nationalRequest: s.nationalRequest + 1 })),
  lang: 'vi',
  setLang: (lang) => set({ lang }),
});

const analyticsSlice: Slice<AnalyticsSlice> = (set) => ({
  reportAsOf: null,
  report: null,
  reportBusy: false,
  setReportAsOf: (reportAsOf) => set({ reportAsOf }),
  setReport: (report) => set({ report, reportBusy: false }),
  setReportBusy: (reportBusy) => set({ reportBusy }),
  overview: null,
  setOverview: (overview) => set({ overview }),
});

const panelsSlice: Slice<PanelsSlice> = (set) => ({
  tab: 'layers',
  setTab: (tab) => set({ tab }),
  siteFilter: NO_FILTER,
  // The same filter again (a link's state applied on load) keeps its object, so nothing redraws.
  setSiteFilter: (f) =>
    set((s) => {
      const next = { ...s.siteFilter, ...f };
      return sameFilter(next, s.siteFilter) ? {} : { siteFilter: next };
    }),
  flyTo: null,
  requestFlyTo: (siteId) => set((s) => ({ flyTo: { siteId, seq: (s.flyTo?.seq ?? 0) + 1 } })),
  editing: false,
  setEditing: (editing) => set({ editing }),
  draft: null,
  setDraft: (draft) => set({ draft }),
  pickingPoint: false,
  pickedPoint: null,
  setPickingPoint: (pickingPoint) => set({ pickingPoint }),
  pickPoint: (at) => set((s) => ({ pickingPoint: false, pickedPoint: { at, seq: (s.pickedPoint?.seq ?? 0) + 1 } })),
});

const presentationSlice: Slice<PresentationSlice> = (set) => ({
  presenting: false,
  slide: 0,
  kiosk: false,
  kioskTiming: null,
  layersBefore: null,
  authoring: false,
  startPresenting: (o = {}) =>
    set((s) => ({
      presenting: true,
      slide: o.slide ?? 0,
      kiosk: o.kiosk ?? false,
      // Starting again while presenting must not record the slide's layers as the user's.
      layersBefore: s.presenting ? s.layersBefore : s.visible,
    })),
  stopPresenting: () =>
    set((s) => ({
      presenting: false,
      kiosk: false,
      authoring: false,
      highlighted: [],
      visible: s.layersBefore ?? s.visible,
      layersBefore: null,
    })),
  setSlide: (slide) => set({ slide }),
  setKiosk: (kiosk) => set({ kiosk }),
  setKioskTiming: (kioskTiming) => set({ kioskTiming }),
  setAuthoring: (authoring) => set({ authoring }),
});

const importsSlice = (derive: DeriveRegion): Slice<ImportsSlice> => (rawSet) => {
  // Every change of the layers or the links re-derives the shown region (the same object when nothing linked moved).
  const set = (f: Partial<AppState> | ((s: AppState) => Partial<AppState>)) =>
    rawSet((s) => {
      const patch = typeof f === 'function' ? f(s) : f;
      if (!('imports' in patch) && !('siteLinks' in patch)) return patch;
      const region = derive(s.loadedRegion, patch.imports ?? s.imports, patch.siteLinks ?? s.siteLinks, s.sketches);
      return region === s.region ? patch : { ...patch, region };
    });
  const update = (id: string, f: (l: ImportedLayer) => ImportedLayer) => set((s) => ({ imports: s.imports.map((l) => (l.id === id ? f(l) : l)) }));
  return {
    imports: [],
    importBusy: null,
    importNotice: null,
    importStorageNotice: null,
    addImport: (layer) =>
      set((s) => {
        const at = s.imports.findIndex((l) => l.id === layer.id);
        return { imports: at < 0 ? [...s.imports, layer] : s.imports.map((l, i) => (i === at ? layer : l)) };
      }),
    setImports: (layers) =>
      set((s) => ({ imports: [...s.imports, ...layers.filter((l) => !s.imports.some((x) => x.id === l.id))] })),
    renameImport: (id, name) => update(id, (l) => ({ ...l, name })),
    setImportColor: (id, color) => update(id, (l) => ({ ...l, color })),
    toggleImport: (id) => update(id, (l) => ({ ...l, visible: !l.visible })),
    setImportFeatureLeftOut: (id, featureIndex, leftOut) =>
      update(id, (l) => {
        const rest = (l.leftOut ?? []).filter((i) => i !== featureIndex);
        return { ...l, leftOut: leftOut ? [...rest, featureIndex].sort((a, b) => a - b) : rest };
      }),
    removeImport: (id) =>
      set((s) => {
        const index = s.imports.findIndex((l) => l.id === id);
        if (index < 0) return {};
        return { imports: s.imports.filter((l) => l.id !== id), importNotice: { kind: 'removed', layer: s.imports[index]!, index } };
      }),
    undoRemoveImport: () =>
      set((s) => {
        const n = s.importNotice;
        if (n?.kind !== 'removed' || s.imports.some((l) => l.id === n.layer.id)) return {};
        const imports = [...s.imports];
        imports.splice(Math.min(n.index, imports.length), 0, n.layer);
        return { imports, importNotice: null };
      }),
    setImportBusy: (importBusy) => set({ importBusy }),
    setImportNotice: (importNotice) => set({ importNotice }),
    setImportStorageNotice: (importStorageNotice) => set({ importStorageNotice }),
    importFlyTo: null,
    requestImportFlyTo: (layerId) => set((s) => ({ importFlyTo: { layerId, seq: (s.importFlyTo?.seq ?? 0) + 1 } })),
    siteLinks: [],
    setSiteLink: (layerId, featureIndex, siteId, manual) =>
      set((s) => {
        // A site has one outline: linking it here unlinks the polygon that had it.
        const rest = s.siteLinks.filter((l) => (l.layerId !== layerId || l.featureIndex !== featureIndex) && (siteId == null || l.siteId !== siteId));
        return { siteLinks: siteId === undefined ? rest : [...rest, { layerId, featureIndex, siteId, manual }] };
      }),
    addSiteLinks: (links) =>
      set((s) => {
        const fresh: SiteLink[] = [];
        for (const l of links) {
          const taken = [...s.siteLinks, ...fresh].some((x) => (x.layerId === l.layerId && x.featureIndex === l.featureIndex) || (l.siteId !== null && x.siteId === l.siteId));
          if (!taken) fresh.push(l);
        }
        return fresh.length === 0 ? {} : { siteLinks: [...s.siteLinks, ...fresh] };
      }),
  };
};

const compareSlice: Slice<CompareSlice> = (set) => ({
  compare: null,
  swipeAt: 0.5,
  compareFocus: null,
  compareResult: null,
  setCompareResult: (compareResult) => set({ compareResult }),
  startCompare: (c = {}) => set((s) => ({ compare: { ...(s.compare ?? DEFAULT_COMPARE), ...c }, compareFocus: null })),
  setCompare: (c) => set((s) => (s.compare ? { compare: { ...s.compare, ...c }, compareFocus: null } : {})),
  stopCompare: () => set({ compare: null, compareFocus: null, compareResult: null }),
  setSwipeAt: (x) => set({ swipeAt: Math.min(0.95, Math.max(0.05, x)) }),
  setCompareFocus: (compareFocus) => set({ compareFocus }),
});

const sketchSlice = (derive: DeriveRegion): Slice<SketchSlice> => (rawSet) => {
  // A change of the sketches re-derives the shown region: a tagged polygon is a clearance parcel.
  const set = (f: (s: AppState) => Partial<AppState>) =>
    rawSet((s) => {
      const patch = f(s);
      if (!patch.sketches) return patch;
      const region = derive(s.loadedRegion, s.imports, s.siteLinks, patch.sketches);
      return region === s.region ? patch : { ...patch, region };
    });
  const update = (id: string, f: (x: Sketch) => Sketch) => set((s) => ({ sketches: s.sketches.map((x) => (x.id === id ? f(x) : x)) }));
  return {
    sketching: false,
    sketches: [],
    setSketching: (sketching) => set(() => ({ sketching })),
    putSketch: (sk) =>
      set((s) => {
        const at = s.sketches.findIndex((x) => x.id === sk.id);
        return { sketches: at < 0 ? [...s.sketches, sk] : s.sketches.map((x, i) => (i === at ? sk : x)) };
      }),
    setSketches: (list) => set((s) => ({ sketches: [...s.sketches, ...list.filter((x) => !s.sketches.some((y) => y.id === x.id))] })),
    renameSketch: (id, name) => update(id, (x) => ({ ...x, name })),
    tagSketch: (id, clearance) => update(id, (x) => (x.geometry.type === 'Polygon' || clearance === null ? { ...x, clearance } : x)),
    removeSketch: (id) => set((s) => ({ sketches: s.sketches.filter((x) => x.id !== id) })),
  };
};

export type AppStore = StoreApi<AppState>;

/** Field by field; a list (the statuses) by its items. */
function sameFilter(a: SiteFilter, b: SiteFilter): boolean {
  return (Object.keys(a) as (keyof SiteFilter)[]).every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    return Object.is(x, y);
  });
}

export function createAppStore(options: { regionId?: string } = {}): AppStore {
  const derive = regionDeriver();
  return createStore<AppState>()((...a) => ({
    ...dataSlice(options.regionId ?? 'lao-cai', derive)(...a),
    ...layersSlice(...a),
    ...selectionSlice(...a),
    ...basemapSlice(...a),
    ...viewSlice(...a),
    ...analyticsSlice(...a),
    ...panelsSlice(...a),
    ...presentationSlice(...a),
    ...importsSlice(derive)(...a),
    ...compareSlice(...a),
    ...sketchSlice(derive)(...a),
    ...replaySlice(a[0]),
  }));
}
