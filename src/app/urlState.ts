// The address bar carries what a person sees: region, view, layers, filters, selection, tab, language,
// basemap, presentation slide and compare mode. A copied link opens the same state; back and forward step through
// the places one went (province, site, presentation and compare on/off) while pans, tabs, filters and toggles
// update the current entry instead of flooding history.
import type { AppState, CompareState, SidebarTab } from '../store/state';
import type { AppStore } from '../store/createAppStore';
import type { Camera, Selection } from '../domain/view';
import { isScenarioId } from '../domain/scenarioIds';
import { NO_FILTER, type SiteFilter, type WastewaterFilter } from '../domain/siteFilter';
import { SiteStatus } from '../domain/schema';
import { BASEMAP_IDS, regionDefaultBasemap, type BasemapId } from '../domain/basemapChoice';
import { allVisible, LAYER_KEYS, type LayerKey, type Visibility } from '../domain/layers';
import type { Lang } from '../i18n/format';

export interface UrlState {
  region: string | null;
  lang: Lang;
  camera: Camera | null;
  visible: Visibility;
  filter: SiteFilter;
  selected: Selection | null;
  tab: SidebarTab;
  /** null: not in the link, so the province's default (region.json › basemap) */
  basemap: BasemapId | null;
  /** 0-based slide when presenting; null when not */
  slide: number | null;
  kiosk: boolean;
  /** compare mode's sides and layout; null when not comparing */
  compare: CompareState | null;
  /** the date slider's date (`at=2026-06-30`); null: today */
  at: string | null;
}

const TABS: readonly SidebarTab[] = ['layers', 'targets', 'tasks', 'sites', 'stats', 'overview', 'imports'];
const SELECTION_TYPES: readonly Selection['type'][] = ['site', 'road', 'relocation', 'landmark'];
const WASTEWATER: readonly WastewaterFilter[] = ['all', 'operating', 'under-construction', 'planned', 'none'];

function num(v: string | null): number | null {
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function list(v: string | null): string[] {
  return v ? v.split(',').filter(Boolean) : [];
}

/** `map=zoom/lat/lon[/bearing[/pitch]]`, the way OpenStreetMap links write a view. */
export function parseCamera(v: string | null): Camera | null {
  if (!v) return null;
  const parts = v.split('/').map(Number);
  const [zoom, lat, lon, bearing = 0, pitch = 0] = parts;
  if (parts.length < 3 || parts.some((x) => !Number.isFinite(x))) return null;
  if (zoom === undefined || lat === undefined || lon === undefined) return null;
  if (Math.abs(lat) > 85 || Math.abs(lon) > 180 || zoom < 0 || zoom > 24 || pitch < 0 || pitch > 85) return null;
  return { center: [lon, lat], zoom, bearing, pitch };
}

export function formatCamera(c: Camera): string {
  const parts = [c.zoom.toFixed(2), c.center[1].toFixed(5), c.center[0].toFixed(5)];
  const bearing = Math.round(c.bearing * 10) / 10;
  const pitch = Math.round(c.pitch);
  if (bearing !== 0 || pitch !== 0) parts.push(String(bearing), String(pitch));
  return parts.join('/');
}

export function parseUrlState(search: string, known: readonly string[]): UrlState {
  const q = new URLSearchParams(search);
  const region = q.get('region');
  const layers = q.get('layers');
  const visible = allVisible();
  if (layers !== null) {
    const on = new Set(list(layers));
    for (const k of LAYER_KEYS) visible[k] = on.has(k);
  }
  const kind = q.get('kind');
  const stage = q.get('stage');
  const ww = q.get('ww');
  const ids = q.get('only');
  const filter: SiteFilter = {
    ...NO_FILTER,
    text: q.get('q') ?? '',
    kind: kind === 'kcn' || kind === 'ccn' ? kind : 'all',
    stage: stage === 'existing' || stage === 'planned' ? stage : 'all',
    statuses: list(q.get('status')).filter((x): x is SiteStatus => SiteStatus.safeParse(x).success),
    phase: q.get('phase') || null,
    minHa: num(q.get('min')),
    maxHa: num(q.get('max')),
    wastewater: WASTEWATER.includes(ww as WastewaterFilter) ? (ww as WastewaterFilter) : 'all',
    minAvailableHa: num(q.get('avail')),
    maxOccupancyPct: num(q.get('occ')),
    ids: ids !== null ? list(ids) : null,
    idsLabel: ids !== null ? q.get('onlyLabel') : null,
  };
  const sel = q.get('sel');
  let selected: Selection | null = null;
  if (sel) {
    const i = sel.indexOf(':');
    const type = sel.slice(0, i) as Selection['type'];
    const id = sel.slice(i + 1);
    if (i > 0 && SELECTION_TYPES.includes(type) && id) selected = { type, id };
  }
  const tab = q.get('tab') as SidebarTab | null;
  const slide = num(q.get('slide'));
  return {
    region: region && known.includes(region) ? region : null,
    lang: q.get('lang') === 'en' ? 'en' : 'vi',
    camera: parseCamera(q.get('map')),
    visible,
    filter,
    selected,
    tab: tab && TABS.includes(tab) ? tab : 'layers',
    basemap: BASEMAP_IDS.find((b) => b === q.get('basemap')) ?? null,
    slide: slide !== null && slide >= 1 ? Math.floor(slide) - 1 : null,
    kiosk: q.get('kiosk') === '1',
    compare: parseCompare(q.get('compare')),
    at: parseDay(q.get('at')),
  };
}

/** `at=YYYY-MM-DD`, a real calendar day; anything else is left out (today). */
function parseDay(v: string | null): string | null {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) ? v : null;
}

// In the address, `compare=left.right.mode` (e.g. `existing.plan.swipe`), with an imported layer written
// `file_<id>`: dots and underscores are the characters a query string leaves unescaped, so the link stays legible.
const scenarioToUrl = (id: string) => id.replace(/^import:/, 'file_');
const scenarioFromUrl = (s: string) => s.replace(/^file_/, 'import:');

/** Compare mode from `compare=left.right.mode`; anything unreadable means no compare mode. */
export function parseCompare(v: string | null): CompareState | null {
  if (!v) return null;
  const [l, r, mode = 'swipe', ...rest] = v.split('.');
  const left = scenarioFromUrl(l ?? '');
  const right = scenarioFromUrl(r ?? '');
  if (rest.length > 0 || !isScenarioId(left) || !isScenarioId(right) || (mode !== 'swipe' && mode !== 'side')) return null;
  return { left, right, mode };
}

export function formatCompare(c: CompareState): string {
  return `${scenarioToUrl(c.left)}.${scenarioToUrl(c.right)}.${c.mode}`;
}

/** The query string for a state; defaults are left out so plain links stay short. */
export function serializeUrlState(s: UrlState): string {
  const q = new URLSearchParams();
  if (s.region) q.set('region', s.region);
  if (s.lang !== 'vi') q.set('lang', s.lang);
  if (s.camera) q.set('map', formatCamera(s.camera));
  const hidden = LAYER_KEYS.filter((k) => !s.visible[k]);
  if (hidden.length > 0) q.set('layers', LAYER_KEYS.filter((k) => s.visible[k]).join(','));
  const f = s.filter;
  if (f.text.trim()) q.set('q', f.text);
  if (f.kind !== 'all') q.set('kind', f.kind);
  if (f.stage !== 'all') q.set('stage', f.stage);
  if (f.statuses.length) q.set('status', f.statuses.join(','));
  if (f.phase !== null) q.set('phase', f.phase);
  if (f.minHa !== null) q.set('min', String(f.minHa));
  if (f.maxHa !== null) q.set('max', String(f.maxHa));
  if (f.wastewater !== 'all') q.set('ww', f.wastewater);
  if (f.minAvailableHa !== null) q.set('avail', String(f.minAvailableHa));
  if (f.maxOccupancyPct !== null) q.set('occ', String(f.maxOccupancyPct));
  if (f.ids !== null) {
    q.set('only', f.ids.join(','));
    if (f.idsLabel) q.set('onlyLabel', f.idsLabel);
  }
  if (s.selected) q.set('sel', `${s.selected.type}:${s.selected.id}`);
  if (s.tab !== 'layers') q.set('tab', s.tab);
  if (s.basemap !== null) q.set('basemap', s.basemap);
  if (s.slide !== null) q.set('slide', String(s.slide + 1));
  if (s.kiosk) q.set('kiosk', '1');
  if (s.compare) q.set('compare', formatCompare(s.compare));
  if (s.at) q.set('at', s.at);
  const str = q.toString();
  return str ? `?${str}` : '';
}

export function urlStateOf(s: AppState): UrlState {
  return {
    region: s.regionId,
    lang: s.lang,
    camera: s.camera,
    visible: s.visible,
    filter: s.siteFilter,
    selected: s.selected,
    tab: s.tab,
    // Only a basemap other than the province's default goes into the link.
    basemap: s.basemap === regionDefaultBasemap(s.loadedRegion?.data.region) ? null : s.basemap,
    slide: s.presenting ? s.slide : null,
    kiosk: s.presenting && s.kiosk,
    compare: s.compare,
    at: s.replayAt,
  };
}

/** Changes that are places one went to: each gets its own history entry. (Tabs are not: stepping back
 *  through every tab one looked at would bury the province or site one came from.) */
function isNavigation(s: AppState, prev: AppState): boolean {
  return (
    s.regionId !== prev.regionId ||
    s.presenting !== prev.presenting ||
    (s.compare === null) !== (prev.compare === null) ||
    (s.selected?.type ?? null) !== (prev.selected?.type ?? null) ||
    (s.selected?.id ?? null) !== (prev.selected?.id ?? null)
  );
}

function sameCamera(a: Camera | null, b: Camera | null): boolean {
  if (!a || !b) return a === b;
  // What the URL can express: beyond its rounding the two views are the same.
  return formatCamera(a) === formatCamera(b);
}

/** Puts a parsed state into the store. The region goes first: switching it clears the old one's selection and filters. */
export function applyUrlState(store: AppStore, u: UrlState, fallbackRegion: string): void {
  const st = store.getState();
  const region = u.region ?? fallbackRegion;
  const regionChanges = region !== st.regionId;
  st.setRegionId(region);
  st.setLang(u.lang);
  if (u.basemap !== st.basemapChoice) st.setBasemap(u.basemap);
  for (const k of LAYER_KEYS) if (store.getState().visible[k] !== u.visible[k]) st.setLayerVisible(k as LayerKey, u.visible[k]);
  st.setSiteFilter(u.filter);
  st.setTab(u.tab);
  st.select(u.selected);
  if (u.at !== store.getState().replayAt) st.setReplayAt(u.at);
  if (u.slide !== null) {
    if (!store.getState().presenting) st.startPresenting({ slide: u.slide, kiosk: u.kiosk });
    else {
      st.setSlide(u.slide);
      st.setKiosk(u.kiosk);
    }
  } else if (store.getState().presenting) st.stopPresenting();
  const c = store.getState().compare;
  if (u.compare) {
    if (!c || c.left !== u.compare.left || c.right !== u.compare.right || c.mode !== u.compare.mode) st.startCompare(u.compare);
  } else if (c) st.stopCompare();
  // A link to a site without a view: show the site, as a click on it would.
  if (u.selected?.type === 'site' && !u.camera) st.requestFlyTo(u.selected.id);
  if (u.camera) {
    const s = store.getState();
    // A region still loading frames itself on arrival; tell it where to look instead.
    if (regionChanges || !s.region) st.setPendingCamera(u.camera);
    else if (!sameCamera(s.camera, u.camera)) st.requestCamera(u.camera, 0);
  }
}

export function syncUrlState(store: AppStore, known: readonly string[], win: Window = window): () => void {
  // The page opened without ?region shows the default region; going back there restores it.
  const opened = parseUrlState(win.location.search, known).region ?? store.getState().regionId;
  let applying = false;
  const apply = () => {
    applying = true;
    try {
      applyUrlState(store, parseUrlState(win.location.search, known), opened);
    } finally {
      applying = false;
    }
  };
  apply();
  const write = (s: AppState, prev: AppState | null) => {
    const search = serializeUrlState(urlStateOf(s));
    if (search === win.location.search) return;
    const url = `${win.location.pathname}${search}${win.location.hash}`;
    if (prev && isNavigation(s, prev)) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (applying) return;
    if (
      s.regionId === prev.regionId &&
      s.lang === prev.lang &&
      sameCamera(s.camera, prev.camera) &&
      s.visible === prev.visible &&
      s.siteFilter === prev.siteFilter &&
      s.selected === prev.selected &&
      s.tab === prev.tab &&
      s.basemap === prev.basemap &&
      s.presenting === prev.presenting &&
      s.slide === prev.slide &&
      s.kiosk === prev.kiosk &&
      s.compare === prev.compare &&
      s.replayAt === prev.replayAt
    )
      return;
    write(s, prev);
  });
  const onPop = () => apply();
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
