// The region in the address bar (?region=lang-son): a link opens that province, and back/forward
// move between provinces. (The rest of the view joins the URL with the shareable-links work.)
import type { AppStore } from '../store/appStore';

const PARAM = 'region';

export function regionFromUrl(search: string, known: readonly string[]): string | null {
  const id = new URLSearchParams(search).get(PARAM);
  return id && known.includes(id) ? id : null;
}

export function syncRegionWithUrl(store: AppStore, known: readonly string[], win: Window = window): () => void {
  const fromUrl = regionFromUrl(win.location.search, known);
  if (fromUrl) store.getState().setRegionId(fromUrl);
  // The page opened without ?region shows the default region; going back there restores it.
  const opened = store.getState().regionId;
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.regionId === prev.regionId) return;
    if (regionFromUrl(win.location.search, known) === s.regionId) return;
    const url = new URL(win.location.href);
    url.searchParams.set(PARAM, s.regionId);
    win.history.pushState({ region: s.regionId }, '', url);
  });
  const onPop = () => store.getState().setRegionId(regionFromUrl(win.location.search, known) ?? opened);
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
