// The shape of the app's state, slice by slice: types only. The behaviour of each slice is in
// store/slices/*, and store/createAppStore.ts puts them together. Kept apart from the slices so a slice
// can name the whole state without an import cycle.
import type { PreparedRegion } from '../domain/prepare';
import type { SiteLink } from '../domain/siteLinks';
import type { Sketch, SketchClearance } from '../domain/sketches';
import type { ScenarioId, ScenarioView } from '../domain/scenarioIds';
import type { PlanDiff } from '../analytics/planDiff';
import type { RegionReport } from '../analytics/report';
import type { ProvinceTotals } from '../analytics/overview';
import type { Lang } from '../i18n/format';
import type { LayerKey, Visibility } from '../domain/layers';
import type { SiteFilter } from '../domain/siteFilter';
import type { BasemapId } from '../domain/basemapChoice';
import type { Camera, Selection } from '../domain/view';
import type { ImportedLayer } from '../domain/importedLayer';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FileErrorCode } from '../io/import/types';
import type { ReplaySlice } from './slices/replay';

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
  /** every region the build carries, for the switcher (named at build time) */
  regions: RegionEntry[];
  /** messages of a failed load, shown instead of the map data */
  loadErrors: string[] | null;
  setRegion: (region: PreparedRegion) => void;
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

/** The outcome of the last import, for the panel to report. */
export type ImportNotice =
  | { kind: 'loaded'; layerId: string; fileName: string; count: number; rejected: number; replaced: boolean }
  /** a file that could not be read: nothing was loaded and nothing changed */
  // import-worker: 'cancelled' (the Huỷ button) and 'timed-out' (over the time limit) are reads stopped, not file errors
  | { kind: 'error'; fileName: string; code: FileErrorCode | 'unexpected' | 'cancelled' | 'timed-out'; detail: Record<string, string | number> }
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
