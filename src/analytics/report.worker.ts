// Web Worker entry: builds the report off the main thread, so the page stays responsive when a
// province loads tens of thousands of clearance parcels.
import { buildReport, type ReportInput } from './report';
import { regionOf, type ReportRequest, type ReportResponse } from './reportRequest';
import { takeStepTimes } from './stepTimes';

/** The region last sent (see ReportRequest). */
let current: ReportInput | null = null;

self.onmessage = (e: MessageEvent<ReportRequest>) => {
  const { id, asOf } = e.data;
  let msg: ReportResponse;
  try {
    current = regionOf(e.data) ?? current;
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
