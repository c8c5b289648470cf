// The import worker's reader on the page side, with a fake worker: a read ends in the result, the file's
// own error, a cancel or the time limit, and in every case but success the worker is ended.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportFileError } from '../../../src/io/import/types';
import { ImportStopped, workerParse, type ImportWorker } from '../../../src/features/imports/parseInWorker';
import type { ImportResponse } from '../../../src/io/import/import.worker';

function fakeWorker() {
  const w = { postMessage: vi.fn(), terminate: vi.fn(), onmessage: null, onerror: null, onmessageerror: null } as unknown as ImportWorker & {
    postMessage: ReturnType<typeof vi.fn>;
    terminate: ReturnType<typeof vi.fn>;
  };
  const answer = (m: ImportResponse) => (w.onmessage as (e: MessageEvent<ImportResponse>) => void)({ data: m } as MessageEvent<ImportResponse>);
  return { w, answer };
}

const BYTES = new Uint8Array([1, 2, 3]);

afterEach(() => vi.useRealTimers());

describe('reading a file in the import worker', () => {
  it('hands the worker the file and the zone, and passes on progress and the result', async () => {
    const { w, answer } = fakeWorker();
    const seen: Array<[number, number]> = [];
    const p = workerParse(() => w)('a.geojson', BYTES, { defaultZone: 104.75, zone: 105, onProgress: (c, t) => seen.push([c, t]) });
    expect(w.postMessage).toHaveBeenCalledWith({ name: 'a.geojson', bytes: BYTES, defaultZone: 104.75, zone: 105 });
    answer({ kind: 'progress', checked: 3, total: 10 });
    const result = { format: 'geojson', layerName: 'a', crs: { kind: 'wgs84' }, features: [], problems: [] } as never;
    answer({ kind: 'done', result });
    await expect(p).resolves.toBe(result);
    expect(seen).toEqual([[3, 10]]);
    expect(w.terminate).toHaveBeenCalledTimes(1);
  });

  it("rebuilds the file's own error, so the panel shows the same message as before", async () => {
    const { w, answer } = fakeWorker();
    const p = workerParse(() => w)('b.kml', BYTES, { defaultZone: 104.75 });
    answer({ kind: 'file-error', code: 'not-xml', detail: { file: 'b.kml', line: 3 } });
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportFileError);
    expect((e as ImportFileError).code).toBe('not-xml');
    expect((e as ImportFileError).detail).toEqual({ file: 'b.kml', line: 3 });
  });

  it('ends the worker at the time limit, and ignores what it says after', async () => {
    vi.useFakeTimers();
    const { w, answer } = fakeWorker();
    const seen: number[] = [];
    const p = workerParse(() => w)('c.dxf', BYTES, { defaultZone: 104.75, timeLimitMs: 30_000, onProgress: (c) => seen.push(c) });
    const caught = p.catch((x: unknown) => x);
    vi.advanceTimersByTime(29_999);
    expect(w.terminate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    const e = await caught;
    expect(e).toBeInstanceOf(ImportStopped);
    expect((e as ImportStopped).reason).toBe('timed-out');
    expect((e as ImportStopped).limitMs).toBe(30_000);
    expect(w.terminate).toHaveBeenCalledTimes(1);
    answer({ kind: 'progress', checked: 1, total: 2 });
    expect(seen).toEqual([]);
  });

  it('ends the worker when the planner cancels', async () => {
    const { w } = fakeWorker();
    const c = new AbortController();
    const p = workerParse(() => w)('d.zip', BYTES, { defaultZone: 104.75, signal: c.signal });
    c.abort();
    const e = await p.catch((x: unknown) => x);
    expect((e as ImportStopped).reason).toBe('cancelled');
    expect(w.terminate).toHaveBeenCalledTimes(1);
  });

  it('fails at once, without waiting for the time limit, when the worker itself fails', async () => {
    const { w } = fakeWorker();
    const p = workerParse(() => w)('e.csv', BYTES, { defaultZone: 104.75 });
    (w.onerror as (e: ErrorEvent) => void)({ message: 'worker script could not load', preventDefault: () => {} } as ErrorEvent);
    await expect(p).rejects.toThrow('worker script could not load');
    expect(w.terminate).toHaveBeenCalledTimes(1);
  });
});
