// Loads, validates and prepares a region, then puts it in the store; a region with errors is not
// loaded at all and its messages are shown instead.
import { prepareRegion } from '../domain/prepare';
import { formatIssue, validateRegion } from '../domain/validate';
import type { RegionFiles } from '../domain/types';
import type { AppStore } from '../store/createAppStore';

export async function loadRegionInto(store: AppStore, read: () => Promise<RegionFiles>): Promise<void> {
  let files: RegionFiles;
  try {
    files = await read();
  } catch (e) {
    store.getState().setLoadErrors([(e as Error).message]);
    return;
  }
  const { data } = validateRegion(files);
  if (!data) {
    // Worded again with zod's Vietnamese messages, loaded only now that they are needed.
    await import('../domain/zodVietnamese');
    store.getState().setLoadErrors(validateRegion(files).issues.map(formatIssue));
    return;
  }
  store.getState().setRegion(prepareRegion(data));
  store.getState().setDraft(null);
  // The data editor's unpublished edits of this province, if this browser has any and wants them shown
  // (app/draftView): read after the published data are drawn, off the start-up path.
  void import('./draftView').then((m) => m.applyStoredDraft(store, files)).catch(() => undefined);
}
