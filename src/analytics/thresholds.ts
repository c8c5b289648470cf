/** Computed and declared areas differing by more than this (%) are flagged for a planner to check. */
export const AREA_DIFF_FLAG_PCT = 2;
