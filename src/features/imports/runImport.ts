// From a picked or dropped file to a layer in the store. A file that cannot be read leaves the store's
// layers exactly as they were and sets one error notice; one that can is added as a new layer (or, for
// a VN-2000 zone change, replaces its layer in place). Loaded on demand with the import panel or at the
// first drop, so the parsers never weigh on the app's start.
import { zipSync } from 'fflate';
import type { Feature, Geometry } from 'geojson';
import { importPersistence } from '../../app/importedLayersStore';
import { checkSize, ImportFileError, type ImportResult } from '../../io/import/index';
import { endImportProgress, startImportProgress, updateImportProgress } from './importProgress';
import { appParse, ImportStopped, type ParseFile } from './parseInWorker';
import { IMPORT_COLORS, type ImportedFeatureProps, type ImportedLayer } from '../../domain/importedLayer';
import type { AppStore } from '../../store/createAppStore';
import type { SingleFileNotice } from '../../store/state';

/** The part of a browser File the import reads; tests pass plain objects. */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Where no region is open yet: the middle of the country's zones. */
const FALLBACK_ZONE = 105;

// The read under way, so the "Huỷ" button can stop it (and the files after it in the same pick).
let running: AbortController | null = null;

/** Stops the file being read, and the files picked with it that are still waiting. */
export function cancelImport(): void {
  running?.abort();
}

let parseFile: ParseFile | null = null;
const parse: ParseFile = (name, bytes, options) => (parseFile ??= appParse())(name, bytes, options);

/** Reads the file with the import worker, reporting progress and obeying the cancel button. */
async function read(name: string, bytes: Uint8Array, zones: { defaultZone: number; zone?: number }): Promise<ImportResult> {
  // A zone change reads one file outside any pick: it gets a controller of its own for the button.
  const own = running ?? new AbortController();
  const mine = running === null;
  if (mine) running = own;
  startImportProgress(name);
  try {
    return await parse(name, bytes, { ...zones, signal: own.signal, onProgress: updateImportProgress });
  } finally {
    endImportProgress();
    if (mine && running === own) running = null;
  }
}

// The bytes of files whose zone the planner may still change, when the browser keeps nothing.
const localBytes = new Map<string, Uint8Array>();

function regionZone(store: AppStore): number {
  return store.getState().region?.data.region.vn2000Zone ?? FALLBACK_ZONE;
}

function newId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The first colour of the palette no layer uses yet (round again when all are taken). */
function nextColor(layers: readonly ImportedLayer[]): string {
  const free = IMPORT_COLORS.find((c) => !layers.some((l) => l.color === c));
  return free ?? IMPORT_COLORS[layers.length % IMPORT_COLORS.length]!;
}

/** The importer's features as the map's GeoJSON: the file's attributes under `attrs`, as text. */
export function toFeatures(result: ImportResult): ImportedLayer['features'] {
  return {
    type: 'FeatureCollection',
    features: result.features.map(
      (f): Feature<Geometry, ImportedFeatureProps> => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { index: f.index, name: f.name, attrs: f.properties, ...(f.repair ? { repair: f.repair } : {}) },
      }),
    ),
  };
}

/** Whether the planner may still pick the zone: a VN-2000 file that did not say it. */
export function zoneIsChoosable(layer: Pick<ImportedLayer, 'crs'>): boolean {
  return layer.crs.kind === 'vn2000' && (layer.crs.zoneFrom === 'region-default' || layer.crs.zoneFrom === 'user');
}

function failed(store: AppStore, fileName: string, e: unknown): void {
  if (e instanceof ImportStopped) {
    const detail = { file: fileName, seconds: Math.round(e.limitMs / 1000) };
    store.getState().setImportNotice({ kind: 'error', fileName, code: e.reason, detail });
  } else if (e instanceof ImportFileError) {
    store.getState().setImportNotice({ kind: 'error', fileName, code: e.code, detail: { file: fileName, ...e.detail } });
  } else {
    const reason = e instanceof Error ? e.message : String(e);
    store.getState().setImportNotice({ kind: 'error', fileName, code: 'unexpected', detail: { file: fileName, reason } });
  }
}

async function keepBytes(id: string, bytes: Uint8Array): Promise<void> {
  const p = importPersistence();
  if (p) await p.saveBytes(id, bytes);
  else localBytes.set(id, bytes);
}

async function bytesOf(id: string): Promise<Uint8Array | null> {
  return localBytes.get(id) ?? (await importPersistence()?.getBytes(id)) ?? null;
}

/** Reads one file into a new layer. Returns the layer's id, or null when the file could not be read. */
export async function importOne(store: AppStore, file: PickedFile, bytesOfFile?: Uint8Array): Promise<string | null> {
  const s = store.getState();
  s.setImportNotice(null);
  const options = { defaultZone: regionZone(store) };
  try {
    // Refused by its size alone: a 2 GB file is never read into memory.
    checkSize(file.size, options, file.name);
  } catch (e) {
    failed(store, file.name, e);
    return null;
  }
  s.setImportBusy(file.name);
  try {
    const bytes = bytesOfFile ?? new Uint8Array(await file.arrayBuffer());
    const result = await read(file.name, bytes, options);
    const id = newId();
    const layer: ImportedLayer = {
      id,
      name: result.layerName || file.name,
      fileName: file.name,
      format: result.format,
      crs: result.crs,
      ...(result.textEncoding ? { textEncoding: result.textEncoding } : {}),
      features: toFeatures(result),
      problems: result.problems,
      visible: true,
      color: nextColor(store.getState().imports),
      importedAt: new Date().toISOString(),
    };
    if (zoneIsChoosable(layer)) await keepBytes(id, bytes);
    const rejected = result.problems.filter((p) => p.severity === 'error').length;
    store.getState().addImport(layer);
    store.getState().setImportNotice({ kind: 'loaded', layerId: id, fileName: file.name, count: result.features.length, rejected, replaced: false });
    store.getState().requestImportFlyTo(id);
    return id;
  } catch (e) {
    failed(store, file.name, e);
    return null;
  } finally {
    store.getState().setImportBusy(null);
  }
}

const SHAPEFILE_PART = /\.(shp|shx|dbf|prj|cpg|qix|sbn|sbx)$/i;

/**
 * Reads the files a planner picked or dropped, one after another. The parts of an unzipped
 * Shapefile picked together (.shp, .dbf, .prj…) are zipped into one file first, as if the planner
 * had zipped them. When several files are read, every file's outcome stays on screen, one line each.
 */
export async function importFiles(store: AppStore, files: readonly PickedFile[]): Promise<void> {
  const own = new AbortController();
  running = own;
  try {
    await importAll(store, files, own.signal);
  } finally {
    if (running === own) running = null;
  }
}

async function importAll(store: AppStore, files: readonly PickedFile[], signal: AbortSignal): Promise<void> {
  const parts = files.filter((f) => SHAPEFILE_PART.test(f.name));
  const rest = files.filter((f) => !SHAPEFILE_PART.test(f.name));
  const notices: SingleFileNotice[] = [];
  const note = () => {
    const n = store.getState().importNotice;
    if (n?.kind === 'error' || n?.kind === 'loaded') notices.push(n);
  };
  const shp = parts.find((f) => /\.shp$/i.test(f.name));
  if (shp && parts.length > 1) {
    const entries: Record<string, Uint8Array> = {};
    for (const f of parts) entries[f.name] = new Uint8Array(await f.arrayBuffer());
    const zipped = zipSync(entries);
    await importOne(store, { name: shp.name, size: zipped.length, arrayBuffer: async () => zipped.slice().buffer }, zipped);
    note();
  } else {
    rest.push(...parts);
  }
  for (const f of rest) {
    // Cancelled: the files after the one being read are not read either.
    if (signal.aborted) break;
    await importOne(store, f);
    note();
  }
  if (notices.length > 1) store.getState().setImportNotice({ kind: 'batch', notices });
}

/**
 * Reads a VN-2000 layer's file again with the zone the planner chose, and puts the result in place
 * of the layer (same id, name, colour), so the map shows the new position at once.
 */
export async function reimportWithZone(store: AppStore, layerId: string, zone: number): Promise<boolean> {
  const layer = store.getState().imports.find((l) => l.id === layerId);
  if (!layer) return false;
  const bytes = await bytesOf(layerId);
  if (!bytes) return false;
  store.getState().setImportBusy(layer.fileName);
  try {
    const result = await read(layer.fileName, bytes, { defaultZone: regionZone(store), zone });
    const { textEncoding: _old, ...rest } = layer;
    const next: ImportedLayer = {
      ...rest,
      ...(result.textEncoding ? { textEncoding: result.textEncoding } : {}),
      crs: result.crs,
      features: toFeatures(result),
      problems: result.problems,
    };
    store.getState().addImport(next);
    const rejected = result.problems.filter((p) => p.severity === 'error').length;
    store.getState().setImportNotice({ kind: 'loaded', layerId, fileName: layer.fileName, count: result.features.length, rejected, replaced: true });
    store.getState().requestImportFlyTo(layerId);
    return true;
  } catch (e) {
    failed(store, layer.fileName, e);
    return false;
  } finally {
    store.getState().setImportBusy(null);
  }
}
