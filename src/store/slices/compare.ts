// Two plan versions side by side or under a swipe divider.
import type { CompareSlice, CompareState } from '../state';
import type { Slice } from './slice';

export const DEFAULT_COMPARE: CompareState = { left: 'existing', right: 'plan', mode: 'swipe' };

export const compareSlice: Slice<CompareSlice> = (set) => ({
  compare: null,
  swipeAt: 0.5,
  compareFocus: null,
  compareResult: null,
  setCompareResult: (compareResult) => set({ compareResult }),
  startCompare: (c = {}) => set((s) => ({ compare: { ...(s.compare ?? DEFAULT_COMPARE), ...c }, compareFocus: null })),
  setCompare: (c) => set((s) => (s.compare ? { compare: { ...s.compare, ...c }, compareFocus: null } : {})),
  stopCompare: () => set({ compare: null, compareFocus: null, compareResult: null }),
  setSwipeAt: (x) => set({ swipeAt: Math.min(0.95, Math.max(0.05, x)) }),
  setCompareFocus: (compareFocus) => set({ compareFocus }),
});
