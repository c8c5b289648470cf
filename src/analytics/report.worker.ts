// Web Worker entry: builds the report off the main thread, so the page stays responsive when a
// province loads tens of thousands of clearance parcels.
import type { PreparedRegion } from '../domain/prepare';
import { buildReport, type RegionReport } from './report';

export interface ReportRequest {
  id: number;
  region: PreparedRegion;
  asOf: string;
}
/** `ms`: the worker's own time for the report, without the copies in and out (for the benchmark). */
export type ReportResponse = { id: number; report: RegionReport; ms: number } | { id: number; error: string };

self.onmessage = (e: MessageEvent<ReportRequest>) => {
  const { id, region, asOf } = e.data;
  let msg: ReportResponse;
  try {
    const t0 = performance.now();
    const report = buildReport(region, asOf);
    msg = { id, report, ms: performance.now() - t0 };
  } catch (err) {
    msg = { id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(msg);
};
