// What the page and the report worker say to each other (report.worker.ts, app/reportRunner.ts).
import type { RegionData } from '../domain/types';
import type { RegionReport, ReportInput } from './report';

/**
 * `region` is sent only when it differs from the last one sent (the runner tracks that): a new report
 * date for the same region then costs no copy of its parcels, and reuses what the worker already
 * computed for it (parsed parcels, dissolved sites; analytics/clearance memoises by identity).
 * `clearanceJson`: the clearance file's bytes as fetched, transferred rather than copied; the region's
 * `data.clearance` is then an empty stand-in, and the worker parses the bytes itself.
 */
export interface ReportRequest {
  id: number;
  region?: ReportInput;
  clearanceJson?: ArrayBuffer;
  asOf: string;
}

/**
 * `ms`: the worker's own time for the report, without the copies in and out; `steps`: that time split
 * by step (analytics/stepTimes.ts), both for the benchmark.
 */
export type ReportResponse = { id: number; report: RegionReport; ms: number; steps: Record<string, number> } | { id: number; error: string };

/** The stand-in for a clearance collection sent as bytes. */
export const SENT_AS_BYTES: RegionData['clearance'] = { type: 'FeatureCollection', features: [] };

/** The region a request carries, its clearance parsed from the bytes when it came as bytes. */
export function regionOf(req: ReportRequest): ReportInput | null {
  if (!req.region) return null;
  if (!req.clearanceJson) return req.region;
  const clearance = JSON.parse(new TextDecoder().decode(req.clearanceJson)) as RegionData['clearance'];
  return { ...req.region, data: { ...req.region.data, clearance } };
}
