/** performance mark set when the map first goes idle with the region drawn (read by scripts/bench.ts) */
export const IDLE_WITH_DATA_MARK = 'atlas:idle-with-data';
