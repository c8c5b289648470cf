import { describe, expect, it } from 'vitest';
import { runReports, workerCompute, type ReportWorker } from '../../../src/app/reportRunner';
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
