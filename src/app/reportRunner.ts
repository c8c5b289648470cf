// Keeps the store's report in step with the region and the report date. Large inputs are computed
// in a Web Worker; small ones inline (a worker's start-up would cost more than the work).
import type { RegionReport } from '../analytics/report';
import { SENT_AS_BYTES, type ReportRequest, type ReportResponse } from '../analytics/reportRequest';
import { takeBytes } from './clearanceBytes';
import type { PreparedRegion } from '../domain/prepare';
import type { AppStore } from '../store/createAppStore';
import { REPORT_READY_MARK } from '../map/marks';
import { afterFirstDraw } from './startupGates';

/** Clearance features above which the report is computed off the main thread. */
export const WORKER_THRESHOLD = 500;

export type ComputeReport = (region: PreparedRegion, asOf: string) => Promise<RegionReport>;

/** Loaded on demand: the report's code (proj4, polygon clipping) stays off the start-up path. */
export const computeInline: ComputeReport = async (region, asOf) => (await import('../analytics/report')).buildReport(region, asOf);

/** The worker's own time for the last report it made, and that time by step (for the first-report mark). */
let lastWorkerMs: number | null = null;
let lastWorkerSteps: Record<string, number> | null = null;

/** The part of a Worker the runner uses (a test hands in a fake). */
export type ReportWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>;

const startWorker = (): ReportWorker =>
  new Worker(new URL('../analytics/report.worker.ts', import.meta.url), { type: 'module' });

export function workerCompute(makeWorker: () => ReportWorker = startWorker): ComputeReport {
  let worker: ReportWorker | null = null;
  // The region the worker holds (see ReportRequest): sent again only when another one is asked for.
  let held: PreparedRegion | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve: (r: RegionReport) => void; reject: (e: Error) => void }>();
  // A worker that fails (its script does not load, it throws outside a request, a message cannot be
  // read) answers nothing more: every pending request is rejected, so the panels stop waiting
  // (reportBusy goes back to false), and the next request starts a fresh worker.
  const fail = (message: string) => {
    worker?.terminate();
    worker = null;
    held = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(new Error(message));
  };
  return (region, asOf) => {
    if (!worker) {
      worker = makeWorker();
      worker.onmessage = (e: MessageEvent<ReportResponse>) => {
        const p = pending.get(e.data.id);
        if (!p) return;
        pending.delete(e.data.id);
        if ('report' in e.data) {
          lastWorkerMs = e.data.ms;
          lastWorkerSteps = e.data.steps;
          p.resolve(e.data.report);
        } else p.reject(new Error(e.data.error));
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault?.();
        fail(e.message || 'report worker failed');
      };
      worker.onmessageerror = () => fail('report worker sent a message that could not be read');
    }
    const id = ++seq;
    let req: ReportRequest = { id, asOf };
    let transfer: Transferable[] = [];
    if (held !== region) {
      // Only what the report reads: the prepared map layers (anchors, roads…) stay on this thread. The
      // clearance file goes as the bytes it was read from when this thread still has them.
      const bytes = takeBytes(region.data.clearance);
      const data = bytes ? { ...region.data, clearance: SENT_AS_BYTES } : region.data;
      req = { ...req, region: { data, siteOutlines: region.siteOutlines }, ...(bytes ? { clearanceJson: bytes } : {}) };
      if (bytes) transfer = [bytes];
      held = region;
    }
    return new Promise<RegionReport>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage(req, transfer);
    });
  };
}

/** Chooses inline or worker by the size of the clearance data. */
export function bySize(inline: ComputeReport, worker: ComputeReport): ComputeReport {
  return (region, asOf) =>
    (region.data.clearance.features.length > WORKER_THRESHOLD ? worker : inline)(region, asOf);
}

export function runReports(store: AppStore, compute: ComputeReport): () => void {
  let current = 0;
  let marked = false;
  const run = () => {
    const s = store.getState();
    if (!s.region) return;
    const asOf = s.reportAsOf ?? s.region.data.region.asOf;
    const ticket = ++current;
    s.setReportBusy(true);
    compute(s.region, asOf)
      .then((report) => {
        // A newer request (another date, another region) wins over a late answer.
        if (ticket !== current) return;
        store.getState().setReport(report);
        if (!marked) {
          marked = true;
          globalThis.performance?.mark?.(REPORT_READY_MARK, { detail: { workerMs: lastWorkerMs, workerSteps: lastWorkerSteps } });
        }
      })
      .catch((e: unknown) => {
        if (ticket === current) {
          store.getState().setReport(null);
          store.getState().setLoadErrors([`Không tính được báo cáo: ${e instanceof Error ? e.message : String(e)}`]);
        }
      });
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.region !== prev.region || s.reportAsOf !== prev.reportAsOf) run();
  });
  run();
  return unsubscribe;
}

/**
 * `compute`, its first call held until `ready` (later calls go at once). For the worker: at a cold start
 * with tens of thousands of parcels, the report's second or so of work would take a core from MapLibre's
 * worker while it cuts the same parcels into tiles; the map draws them first, then the figures come
 * (the panels say they are being computed meanwhile).
 */
export function after(ready: Promise<void>, compute: ComputeReport): ComputeReport {
  return async (region, asOf) => {
    await ready;
    return compute(region, asOf);
  };
}

let shared: ComputeReport | null = null;
/** The app's one way to compute a report (inline when small, worker when large), shared by every panel. */
export function appCompute(): ComputeReport {
  if (!shared) {
    // Measured with 20,000 parcels under software rendering: started at the map's idle event, the worker
    // shared the cores with the graphics process, the precache and the panels' code, and took 2.8–3.6 s.
    const drawn = new Promise<void>((resolve) => afterFirstDraw(resolve, 10_000));
    shared = bySize(computeInline, after(drawn, workerCompute()));
  }
  return shared;
}
