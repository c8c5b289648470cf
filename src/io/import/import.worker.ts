// Web Worker entry: reads a planner's file off the main thread, so no file (a huge one, or one whose
// outline crosses itself thousands of times and takes minutes to repair) can freeze the page. The page
// keeps the time limit and the cancel button: it ends this worker, which is the only way to stop a
// parser that does not return.
//
// A worker has no DOMParser, so KML is parsed here with @xmldom/xmldom, strict: an error in the XML is
// an error (the browser's DOMParser is no stricter; the unit tests read every KML fixture with it too).
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { importFile, ImportFileError, type ImportResult } from './index';
import type { XmlParser } from './kml';
import type { FileErrorCode } from './types';

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
  defaultZone: number;
  zone?: number;
}

export type ImportResponse =
  | { kind: 'progress'; checked: number; total: number }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'file-error'; code: FileErrorCode; detail: Record<string, string | number> }
  | { kind: 'failed'; reason: string };

const parseXml: XmlParser = (text) =>
  new XmlDomParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(text, 'text/xml') as unknown as Document;

const post = (msg: ImportResponse) => (self as unknown as Worker).postMessage(msg);

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { name, bytes, defaultZone, zone } = e.data;
  const onProgress = (checked: number, total: number) => post({ kind: 'progress', checked, total });
  try {
    const result = await importFile(name, bytes, { defaultZone, ...(zone !== undefined ? { zone } : {}), parseXml, onProgress });
    post({ kind: 'done', result });
  } catch (err) {
    if (err instanceof ImportFileError) post({ kind: 'file-error', code: err.code, detail: err.detail });
    else post({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
  }
};
