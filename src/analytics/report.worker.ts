// Web Worker entry: builds the report off the main thread, so the page stays responsive when a
// province loads tens of thousands of clearance parcels.
import type { PreparedRegion } from '../domain/prepare';
import { buildReport, type RegionReport } from './report';

export interface ReportRequest {
  id: number;
  region: PreparedRegion;
  asOf: string;
}
export type ReportResponse = { id: number; report: RegionReport } | { id: number; error: string };

self.onmessage = (e: MessageEvent<ReportRequest>) => {
  const { id, region, asOf } = e.data;
  let msg: ReportResponse;
  try {
    msg = { id, report: buildReport(region, asOf) };
  } catch (err) {
    msg = { id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(msg);
};
