// The editor's working copy drives what the map and the fact sheet show (the store's region), marked as a
// draft, until the user goes back to the published data; the choice is remembered for the province, and
// the published files are never changed.
import { beforeEach, describe, expect, it } from 'vitest';
import { readRegionFiles } from '../../../scripts/regionFs';
import { createAppStore } from '../../../src/store/createAppStore';
import { prepareRegion } from '../../../src/domain/prepare';
import { validateRegion } from '../../../src/domain/validate';
import type { Edit } from '../../../src/domain/edits/edits';
import { chooseDraft, draftWanted, showDraft } from '../../../src/app/draftView';

const shipped = readRegionFiles('lao-cai');
const frozen = JSON.stringify(shipped);
const SITE = 'lc-kcn-tang-loong';
const edits: Edit[] = [
  { op: 'site-field', siteId: SITE, field: 'investor', value: 'Công ty Thử Nghiệm' },
  { op: 'site-source', siteId: SITE, source: { doc: 'kh-2026', about: ['investor'] } },
];
const investorShown = (store: ReturnType<typeof createAppStore>) =>
  store.getState().region!.data.sites.features.find((f) => f.properties.id === SITE)!.properties.investor;

function published() {
  const store = createAppStore({ regionId: 'lao-cai' });
  store.getState().setRegion(prepareRegion(validateRegion(shipped).data!));
  return store;
}

describe('the draft on the map', () => {
  beforeEach(() => localStorage.clear());

  it('shows the edited data, marked as a draft, and goes back to the published data on request', () => {
    const store = published();
    const before = investorShown(store);
    expect(before).not.toBe('Công ty Thử Nghiệm');
    expect(showDraft(store, shipped, edits)).toBe(true);
    expect(investorShown(store)).toBe('Công ty Thử Nghiệm');
    expect(store.getState().draft).toEqual({ edits: 2 });
    chooseDraft(store, false, edits);
    expect(investorShown(store)).toBe(before);
    expect(store.getState().draft).toBeNull();
    // Remembered for the province: this browser now wants the published data, until it asks for the draft.
    expect(draftWanted('lao-cai')).toBe(false);
    chooseDraft(store, true, edits);
    expect(draftWanted('lao-cai')).toBe(true);
    expect(investorShown(store)).toBe('Công ty Thử Nghiệm');
    expect(JSON.stringify(shipped)).toBe(frozen);
  });

  it('shows the published data when there is nothing to draft or the edits no longer validate', () => {
    const store = published();
    showDraft(store, shipped, edits);
    expect(showDraft(store, shipped, [])).toBe(false);
    expect(store.getState().draft).toBeNull();
    const refused: Edit[] = [{ op: 'site-field', siteId: SITE, field: 'occupancyPct', value: 150 }];
    expect(showDraft(store, shipped, refused)).toBe(false);
    expect(store.getState().draft).toBeNull();
  });
});
