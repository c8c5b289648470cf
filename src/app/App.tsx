// The shell: header, legend, map, details. Region data is loaded once, at start.
import { Suspense, useEffect } from 'react';
import { ComparePanelLazy, CompareViewLazy, DetailsPanelLazy, EditorPanelLazy, PresentationLazy, preloadPanels } from './lazyPanels';
import { Sidebar } from '../features/sidebar/Sidebar';
import { BasemapNotice } from '../features/basemap/BasemapSwitcher';
import { SaveOnlineBasemap } from '../features/basemap/SaveOnlineBasemap';
import { useT } from '../i18n/useT';
import { MapView } from '../map/MapView';
import type { AppStore } from '../store/createAppStore';
import { StoreProvider, useAppStore } from '../store/context';
import { Header } from './Header';
import { availableRegionIds, fetchRegionFiles } from './regionSource';
import { syncUrlState } from './urlState';
import { loadRegionInto } from './loadRegion';
import { BASEMAP_ATTRIBUTION } from './attribution';
import { appCompute, runReports } from './reportRunner';
import { ImportsHost } from '../features/imports/ImportsHost';
import { SketchHost } from '../features/sketch/SketchHost';
import { OfflineStatus } from '../features/offline/OfflineStatus';
import { ReplayBar } from '../features/replay/ReplayBar';
import { DraftBanner } from '../features/editor/DraftBanner';

function LoadErrors() {
  const { t } = useT();
  const errors = useAppStore((s) => s.loadErrors);
  const region = useAppStore((s) => s.region);
  if (errors) {
    return (
      <div className="load-errors panel" role="alert">
        <h2>{t.loadFailed}</h2>
        <ul>
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (!region) return <p className="loading" role="status">{t.loading}</p>;
  return null;
}

function Shell() {
  const lang = useAppStore((s) => s.lang);
  const selected = useAppStore((s) => s.selected);
  const presenting = useAppStore((s) => s.presenting);
  const compareMode = useAppStore((s) => s.compare?.mode ?? null);
  const editing = useAppStore((s) => s.editing);
  const title = useAppStore((s) => s.region?.data.region.name[s.lang]);
  const { t } = useT();
  // Screen readers pick their voice from the page language; the tab title names the province.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = title ? `${t.appTitle} — ${title}` : t.appTitle;
  }, [lang, title, t]);
  return (
    <div className="app">
      <Header />
      <main className="app-main">
        {presenting ? (
          <Suspense fallback={null}>
            <PresentationLazy.Component />
          </Suspense>
        ) : null}
        {compareMode ? (
          <Suspense fallback={null}>
            <ComparePanelLazy.Component />
          </Suspense>
        ) : editing ? (
          <Suspense fallback={null}>
            <EditorPanelLazy.Component />
          </Suspense>
        ) : (
          <Sidebar />
        )}
        <div className={compareMode ? `map-wrap compare-${compareMode}` : 'map-wrap'}>
          <MapView attribution={BASEMAP_ATTRIBUTION}>
            <BasemapNotice />
            <SaveOnlineBasemap />
            <LoadErrors />
            {compareMode ? null : <ReplayBar />}
            {/* Inside MapView: the sketch tool draws on the map it reads from MapView's context. */}
            <SketchHost />
            {/* Inside MapView: the second map follows the main one, which it reads from MapView's context. */}
            {compareMode ? (
              <Suspense fallback={null}>
                <CompareViewLazy.Component />
              </Suspense>
            ) : null}
          </MapView>
          <ImportsHost />
          {/* Over the map, not in the header: it may appear when the network goes, and must not push the map. */}
          <OfflineStatus />
          <DraftBanner />
        </div>
        {selected ? (
          <Suspense fallback={null}>
            <DetailsPanelLazy.Component />
          </Suspense>
        ) : null}
      </main>
    </div>
  );
}

export function App({ store }: { store: AppStore }) {
  useEffect(() => {
    const stopReports = runReports(store, appCompute());
    const known = availableRegionIds();
    // The default region may not be in this build (a province's own build): open the first one there is.
    if (known.length > 0 && !known.includes(store.getState().regionId)) store.getState().setRegionId(known[0]!);
    const stopUrl = syncUrlState(store, known);
    const load = (id: string) => void loadRegionInto(store, () => fetchRegionFiles(id));
    const stopRegion = store.subscribe((s, prev) => {
      if (s.regionId !== prev.regionId) load(s.regionId);
    });
    load(store.getState().regionId);
    preloadPanels();
    return () => {
      stopReports();
      stopUrl();
      stopRegion();
    };
  }, [store]);
  return (
    <StoreProvider store={store}>
      <Shell />
    </StoreProvider>
  );
}
