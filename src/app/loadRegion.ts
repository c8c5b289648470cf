// Loads, validates and prepares a region, then puts it in the store; a region with errors is not
// loaded at all and its messages are shown instead.
import { prepareRegion } from '../domain/prepare';
import { formatIssue, validateRegion } from '../domain/validate';
import type { RegionFiles } from '../domain/types';
import type { AppStore } from '../store/createAppStore';
import { moveBytes } from './clearanceBytes';

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
  moveBytes(files.clearance, data.clearance);
  store.getState().setRegion(prepareRegion(data));
}
