// The editor's working copy on the map: the shipped files with the staff's edits applied, validated by
// the same code as `npm run validate:data` and shown in place of the published data, in this browser
// only and marked as a draft (features/editor/DraftBanner). Nothing published changes: the edits stay a
// list in IndexedDB (./editsStore) until exported. Whether this browser shows the draft is remembered
// per province; it does by default once there are edits, and "Xem dữ liệu đã phát hành" turns it off.
import { prepareRegion } from '../domain/prepare';
import { validateRegion } from '../domain/validate';
import { applyEdits, type Edit } from '../domain/edits/edits';
import type { RegionFiles } from '../domain/types';
import type { AppStore } from '../store/createAppStore';
import { loadEdits } from './editsStore';

const KEY = (regionId: string) => `kcn:draft-hidden:${regionId}`;

/** The shipped files of the region on screen, kept to go back to them without fetching again. */
const shippedByRegion = new Map<string, RegionFiles>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Does this browser want the province's draft on the map (the default), or the published data? */
export function draftWanted(regionId: string): boolean {
  return storage()?.getItem(KEY(regionId)) !== '1';
}

function rememberWanted(regionId: string, on: boolean): void {
  const s = storage();
  if (!s) return;
  if (on) s.removeItem(KEY(regionId));
  else s.setItem(KEY(regionId), '1');
}

/** Shows the region with the edits applied, marked as a draft; with no edits (or edits the data refuse),
 *  the published region. Returns whether the draft is on screen. */
export function showDraft(store: AppStore, shipped: RegionFiles, edits: readonly Edit[]): boolean {
  const regionId = store.getState().regionId;
  shippedByRegion.set(regionId, shipped);
  const data = edits.length > 0 ? validateRegion(applyEdits(shipped, edits)).data : null;
  if (!data) {
    if (store.getState().draft) showPublished(store);
    return false;
  }
  store.getState().setRegion(prepareRegion(data));
  store.getState().setDraft({ edits: edits.length });
  return true;
}

/** Back to the published data (the shipped files, unedited); the edits are kept. */
export function showPublished(store: AppStore): void {
  const s = store.getState();
  const shipped = shippedByRegion.get(s.regionId);
  const data = shipped ? validateRegion(shipped).data : null;
  if (data) s.setRegion(prepareRegion(data));
  s.setDraft(null);
}

/** The user's choice, remembered for the province: show the draft (when there are edits) or the published data. */
export function chooseDraft(store: AppStore, on: boolean, edits: readonly Edit[]): void {
  const regionId = store.getState().regionId;
  rememberWanted(regionId, on);
  const shipped = shippedByRegion.get(regionId);
  if (on && shipped) showDraft(store, shipped, edits);
  else showPublished(store);
}

/** After a province's published data are on screen (./loadRegion): its kept edits, if this browser wants them. */
export async function applyStoredDraft(store: AppStore, shipped: RegionFiles): Promise<void> {
  const regionId = store.getState().regionId;
  shippedByRegion.set(regionId, shipped);
  if (!draftWanted(regionId)) return;
  const { edits } = await loadEdits(regionId);
  // Another province may have been opened while the edits were read.
  if (store.getState().regionId !== regionId || edits.length === 0) return;
  showDraft(store, shipped, edits.flat());
}
