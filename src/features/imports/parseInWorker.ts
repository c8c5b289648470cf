// Reads a file in the import worker (src/io/import/import.worker.ts) with a time limit and a way to
// cancel. A parser cannot be interrupted from outside except by ending its worker, so each file gets a
// worker of its own, ended when the file is read, cancelled or over time. Where there is no Worker
// (Node, jsdom tests) the file is read inline, as before.
import { importFile, ImportFileError, type ImportOptions, type ImportResult } from '../../io/import/index';
import type { ImportRequest, ImportResponse } from '../../io/import/import.worker';

/** How long a file may take to read before its worker is ended. */
export const IMPORT_TIME_LIMIT_MS = 30_000;

/** Why a read stopped before it ended: the planner cancelled it, or it went over the time limit. */
export class ImportStopped extends Error {
  constructor(
    readonly reason: 'cancelled' | 'timed-out',
    readonly limitMs: number,
  ) {
    super(reason);
    this.name = 'ImportStopped';
  }
}

/** The part of a Worker the reader uses (a test hands in a fake). */
export type ImportWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>;

export interface ParseOptions extends Pick<ImportOptions, 'defaultZone' | 'zone'> {
  /** aborting it ends the read (the "Huỷ" button) */
  signal?: AbortSignal;
  /** features checked so far, out of how many (NaN when unknown) */
  onProgress?: (checked: number, total: number) => void;
  timeLimitMs?: number;
}

export type ParseFile = (name: string, bytes: Uint8Array, options: ParseOptions) => Promise<ImportResult>;

const startWorker = (): ImportWorker =>
  new Worker(new URL('../../io/import/import.worker.ts', import.meta.url), { type: 'module' });

export function workerParse(makeWorker: () => ImportWorker = startWorker): ParseFile {
  return (name, bytes, { signal, onProgress, timeLimitMs = IMPORT_TIME_LIMIT_MS, defaultZone, zone }) =>
    new Promise<ImportResult>((resolve, reject) => {
      if (signal?.aborted) return reject(new ImportStopped('cancelled', timeLimitMs));
      const worker = makeWorker();
      const onAbort = () => end(() => reject(new ImportStopped('cancelled', timeLimitMs)));
      // Every way out ends the worker and the timer, once: a late message from an ended worker is ignored.
      let ended = false;
      function end(settle: () => void): void {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        worker.terminate();
        settle();
      }
      const timer = setTimeout(() => end(() => reject(new ImportStopped('timed-out', timeLimitMs))), timeLimitMs);
      signal?.addEventListener('abort', onAbort);
      worker.onmessage = (e: MessageEvent<ImportResponse>) => {
        const m = e.data;
        if (m.kind === 'progress') {
          if (!ended) onProgress?.(m.checked, m.total);
        } else if (m.kind === 'done') end(() => resolve(m.result));
        else if (m.kind === 'file-error') end(() => reject(new ImportFileError(m.code, m.detail)));
        else end(() => reject(new Error(m.reason)));
      };
      // The worker's script did not load, or it died outside a request (out of memory): the read
      // fails with that reason rather than waiting for the time limit.
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault?.();
        end(() => reject(new Error(e.message || 'import worker failed')));
      };
      worker.onmessageerror = () => end(() => reject(new Error('import worker sent a message that could not be read')));
      const req: ImportRequest = { name, bytes, defaultZone, ...(zone !== undefined ? { zone } : {}) };
      worker.postMessage(req);
    });
}

/** Reads inline (no worker, so no time limit can be enforced); for Node and jsdom. */
export const inlineParse: ParseFile = async (name, bytes, { signal, onProgress, defaultZone, zone, timeLimitMs = IMPORT_TIME_LIMIT_MS }) => {
  if (signal?.aborted) throw new ImportStopped('cancelled', timeLimitMs);
  const result = await importFile(name, bytes, { defaultZone, ...(zone !== undefined ? { zone } : {}), ...(onProgress ? { onProgress } : {}) });
  if (signal?.aborted) throw new ImportStopped('cancelled', timeLimitMs);
  return result;
};

/** The app's way to read a file: in a worker where the browser has them. */
export function appParse(): ParseFile {
  return typeof Worker === 'function' ? workerParse() : inlineParse;
}
