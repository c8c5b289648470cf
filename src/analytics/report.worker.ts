// Web Worker entry: builds the report off the main thread, so the page stays responsive when a
// province loads tens of thousands of clearance parcels.
import { buildReport, type RegionReport, type ReportInput } from './report';
import { takeStepTimes } from './stepTimes';

/**
 * `region` is sent only when it differs from the last one sent (the runner tracks that): a new report
 * date for the same region then costs no copy of its parcels, and reuses what the worker already
 * computed for it (parsed parcels, dissolved sites; analytics/clearance memoises by identity).
 */
export interface ReportRequest {
  id: number;
  region?: ReportInput;
  asOf: string;
}
/**
 * `ms`: the worker's own time for the report, without the copies in and out; `steps`: that time split
 * by step (analytics/stepTimes), both for the benchmark.
 */
export type ReportResponse = { id: number; report: RegionReport; ms: number; steps: Record<string, number> } | { id: number; error: string };

let current: ReportInput | null = null;

self.onmessage = (e: MessageEvent<ReportRequest>) => {
  const { id, region, asOf } = e.data;
  if (region) current = region;
  let msg: ReportResponse;
  try {
    if (!current) throw new Error('report worker: no region was sent');
    takeStepTimes();
    const t0 = performance.now();
    const report = buildReport(current, asOf);
    msg = { id, report, ms: performance.now() - t0, steps: takeStepTimes() };
  } catch (err) {
    msg = { id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(msg);
};
