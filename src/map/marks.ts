/** performance mark set when the map first goes idle with the region drawn (read by scripts/bench.ts) */
export const IDLE_WITH_DATA_MARK = 'atlas:idle-with-data';
/** performance mark set when a report (totals, parcels at the report date) is first put in the store; its
 *  detail carries `workerMs`, the worker's own compute time, when the worker made it (read by scripts/bench.ts) */
export const REPORT_READY_MARK = 'atlas:report-ready';
