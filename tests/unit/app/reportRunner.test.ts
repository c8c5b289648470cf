import { describe, expect, it } from 'vitest';
import { after, runReports, workerCompute, type ReportWorker } from '../../../src/app/reportRunner';
import type { ReportRequest } from '../../../src/analytics/reportRequest';
import { prepareRegion } from '../../../src/domain/prepare';
import { validateRegion } from '../../../src/domain/validate';
import { createAppStore } from '../../../src/store/createAppStore';
import { miniRegion } from '../../fixtures/miniRegion';

/** A worker that takes requests and never answers, until the test makes it fail. */
function silentWorker(started: ReportWorker[]): () => ReportWorker {
  return () => {
    const w: ReportWorker = { postMessage: () => {}, terminate: () => {}, onmessage: null, onerror: null, onmessageerror: null };
    started.push(w);
    return w;
  };
}

const failWith = (w: ReportWorker, message: string) =>
  (w.onerror as (e: ErrorEvent) => void)({ message, preventDefault: () => {} } as ErrorEvent);

describe('the report worker failing', () => {
  const region = prepareRegion(validateRegion(miniRegion()).data!);

  it('rejects every pending request, and the next request starts a fresh worker', async () => {
    const started: ReportWorker[] = [];
    const compute = workerCompute(silentWorker(started));
    const a = compute(region, '2026-06-30');
    const b = compute(region, '2026-12-31');
    failWith(started[0]!, 'Uncaught SyntaxError in report.worker');
    await expect(a).rejects.toThrow('Uncaught SyntaxError in report.worker');
    await expect(b).rejects.toThrow('Uncaught SyntaxError in report.worker');
    void compute(region, '2026-12-31');
    expect(started).toHaveLength(2);
  });

  it('does not leave the panels busy: reportBusy goes back to false and the failure is shown', async () => {
    const started: ReportWorker[] = [];
    const store = createAppStore({ regionId: 'mini' });
    runReports(store, workerCompute(silentWorker(started)));
    store.getState().setRegion(region);
    expect(store.getState().reportBusy).toBe(true);
    failWith(started[0]!, 'worker script could not load');
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().reportBusy).toBe(false);
    expect((store.getState().loadErrors ?? []).join(' ')).toContain('worker script could not load');
  });
});

describe('what the runner sends the report worker', () => {
  const region = prepareRegion(validateRegion(miniRegion()).data!);
  const other = prepareRegion(validateRegion(miniRegion()).data!);

  it('sends a region once: another date of the same region goes without it, another region with it', () => {
    const sent: ReportRequest[] = [];
    const started: ReportWorker[] = [];
    const compute = workerCompute(() => {
      const w: ReportWorker = { postMessage: (m: ReportRequest) => void sent.push(m), terminate: () => {}, onmessage: null, onerror: null, onmessageerror: null };
      started.push(w);
      return w;
    });
    // The first worker never answers; it is made to fail below, so its requests are rejected.
    const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);
    quiet(compute(region, '2026-06-30'));
    quiet(compute(region, '2026-12-31'));
    quiet(compute(other, '2026-12-31'));
    quiet(compute(region, '2026-12-31'));
    expect(sent.map((m) => m.region?.data ?? null)).toEqual([region.data, null, other.data, region.data]);
    // Only what the report reads: not the map's prepared layers.
    expect(Object.keys(sent[0]!.region!).sort()).toEqual(['data', 'siteOutlines']);
    // A worker that failed holds nothing: the fresh one is sent the region again.
    failWith(started[0]!, 'gone');
    quiet(compute(region, '2026-12-31'));
    expect(started).toHaveLength(2);
    expect(sent.at(-1)!.region?.data).toBe(region.data);
  });
});

describe('a large report waits for the map\'s first draw', () => {
  const region = prepareRegion(validateRegion(miniRegion()).data!);

  it('nothing reaches the worker until the map has drawn; then the request goes, and later ones at once', async () => {
    const sent: ReportRequest[] = [];
    const worker = workerCompute(() => ({ postMessage: (m: ReportRequest) => void sent.push(m), terminate: () => {}, onmessage: null, onerror: null, onmessageerror: null }) as ReportWorker);
    let drawn!: () => void;
    const compute = after(new Promise<void>((r) => (drawn = r)), worker);
    void compute(region, '2026-06-30');
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toHaveLength(0);
    drawn();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.map((m) => m.asOf)).toEqual(['2026-06-30']);
    void compute(region, '2026-12-31');
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.map((m) => m.asOf)).toEqual(['2026-06-30', '2026-12-31']);
  });
});
