// The report and the overview's totals, the sidebar's tab, the site filter and the editor.
import { NO_FILTER, type SiteFilter } from '../../domain/siteFilter';
import type { AnalyticsSlice, PanelsSlice } from '../state';
import type { Slice } from './slice';

export const analyticsSlice: Slice<AnalyticsSlice> = (set) => ({
  reportAsOf: null,
  report: null,
  reportBusy: false,
  setReportAsOf: (reportAsOf) => set({ reportAsOf }),
  setReport: (report) => set({ report, reportBusy: false }),
  setReportBusy: (reportBusy) => set({ reportBusy }),
  overview: null,
  setOverview: (overview) => set({ overview }),
});

export const panelsSlice: Slice<PanelsSlice> = (set) => ({
  tab: 'layers',
  setTab: (tab) => set({ tab }),
  siteFilter: NO_FILTER,
  // The same filter again (a link's state applied on load) keeps its object, so nothing redraws.
  setSiteFilter: (f) =>
    set((s) => {
      const next = { ...s.siteFilter, ...f };
      return sameFilter(next, s.siteFilter) ? {} : { siteFilter: next };
    }),
  flyTo: null,
  requestFlyTo: (siteId) => set((s) => ({ flyTo: { siteId, seq: (s.flyTo?.seq ?? 0) + 1 } })),
  editing: false,
  setEditing: (editing) => set({ editing }),
  draft: null,
  setDraft: (draft) => set({ draft }),
  pickingPoint: false,
  pickedPoint: null,
  setPickingPoint: (pickingPoint) => set({ pickingPoint }),
  pickPoint: (at) => set((s) => ({ pickingPoint: false, pickedPoint: { at, seq: (s.pickedPoint?.seq ?? 0) + 1 } })),
});

/** Field by field; a list (the statuses) by its items. */
function sameFilter(a: SiteFilter, b: SiteFilter): boolean {
  return (Object.keys(a) as (keyof SiteFilter)[]).every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    return Object.is(x, y);
  });
}
