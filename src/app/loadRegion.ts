// Loads, validates and prepares a region, then puts it in the store; a region with errors is not
// loaded at all and its messages are shown instead.
import { prepareRegion } from '../domain/prepare';
import type { RegionFiles } from '../domain/types';
import type { AppStore } from '../store/createAppStore';
import { moveBytes } from './clearanceBytes';

// The region schema and zod (about 30 KB gzipped) are not part of the first load: they are fetched
// alongside the region's files (main.tsx starts both), so the first paint does not wait for them.
let validation: Promise<typeof import('../domain/validate')> | null = null;
export function loadValidation(): Promise<typeof import('../domain/validate')> {
  // A failed fetch of the chunk (offline, not yet cached) is tried again next time, not remembered.
  validation ??= import('../domain/validate').catch((e: unknown) => {
    validation = null;
    throw e;
  });
  return validation;
}

export async function loadRegionInto(store: AppStore, read: () => Promise<RegionFiles>): Promise<void> {
  let files: RegionFiles;
  let validate: typeof import('../domain/validate');
  try {
    [files, validate] = await Promise.all([read(), loadValidation()]);
  } catch (e) {
    store.getState().setLoadErrors([(e as Error).message]);
    return;
  }
  const { data } = validate.validateRegion(files);
  if (!data) {
    // Worded again with zod's Vietnamese messages, loaded only now that they are needed.
    await import('../domain/zodVietnamese');
    store.getState().setLoadErrors(validate.validateRegion(files).issues.map(validate.formatIssue));
    return;
  }
  moveBytes(files.clearance, data.clearance);
  store.getState().setRegion(prepareRegion(data));
  store.getState().setDraft(null);
  // The data editor's unpublished edits of this province, if this browser has any and wants them shown
  // (app/draftView): read after the published data are drawn, off the start-up path.
  void import('./draftView').then((m) => m.applyStoredDraft(store, files)).catch(() => undefined);
}
