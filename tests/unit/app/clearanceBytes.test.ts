// The clearance file goes to the report worker as the bytes it was fetched as (transferred, not
// serialised on the page), and the worker's report from those bytes is the report from the parsed file.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../../src/analytics/report';
import { regionOf, type ReportRequest } from '../../../src/analytics/reportRequest';
import { takeBytes } from '../../../src/app/clearanceBytes';
import { loadRegionInto } from '../../../src/app/loadRegion';
import { availableRegionIds, fetchRegionFiles } from '../../../src/app/regionSource';
import { workerCompute, type ReportWorker } from '../../../src/app/reportRunner';
import { createAppStore } from '../../../src/store/createAppStore';

const id = availableRegionIds().includes('lao-cai') ? 'lao-cai' : availableRegionIds()[0]!;
/** The build's region files, served from data/regions as the app's fetch would get them. */
const serve = vi.fn(async (url: string | URL | Request) => {
  const name = /([^/]+\.(?:geo)?json)/.exec(String(url))?.[1]?.replace(/-[\w-]{8}(?=\.)/, '') ?? '';
  return new Response(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'regions', id, name)), { status: 200 });
});

async function loaded() {
  const store = createAppStore({ regionId: id });
  await loadRegionInto(store, () => fetchRegionFiles(id, serve));
  const region = store.getState().region;
  if (!region) throw new Error(`${id} did not load: ${store.getState().loadErrors?.join('; ')}`);
  return region;
}

describe('the clearance file on its way to the report worker', () => {
  it('is sent once as its bytes, transferred, with an empty stand-in in the region; the worker reads the same report from them', async () => {
    const region = await loaded();
    expect(region.data.clearance.features.length).toBeGreaterThan(0);
    const sent: { req: ReportRequest; transfer: Transferable[] }[] = [];
    const compute = workerCompute(() => ({
      postMessage: (req: ReportRequest, transfer: Transferable[]) => void sent.push({ req, transfer }),
      terminate: () => {},
      onmessage: null,
      onerror: null,
      onmessageerror: null,
    }) as ReportWorker);
    void compute(region, '2026-06-30');
    const { req, transfer } = sent[0]!;
    expect(req.clearanceJson).toBeInstanceOf(ArrayBuffer);
    expect(transfer).toEqual([req.clearanceJson]);
    expect(req.region!.data.clearance.features).toHaveLength(0);
    // The page keeps its own parsed file; the bytes are not kept twice.
    expect(region.data.clearance.features.length).toBeGreaterThan(0);
    expect(takeBytes(region.data.clearance)).toBeUndefined();

    const inWorker = regionOf(structuredClone(req))!;
    expect(inWorker.data.clearance).toEqual(region.data.clearance);
    for (const date of ['2026-06-30', region.data.region.asOf]) {
      expect(buildReport(inWorker, date)).toEqual(buildReport(region, date));
    }
  });

  it('a collection made on the page (not the fetched file) is posted as it is', async () => {
    const region = await loaded();
    const edited = { ...region, data: { ...region.data, clearance: { ...region.data.clearance, features: region.data.clearance.features.slice(1) } } };
    const sent: ReportRequest[] = [];
    const compute = workerCompute(() => ({ postMessage: (req: ReportRequest) => void sent.push(req), terminate: () => {}, onmessage: null, onerror: null, onmessageerror: null }) as ReportWorker);
    void compute(edited, '2026-06-30');
    expect(sent[0]!.clearanceJson).toBeUndefined();
    expect(sent[0]!.region!.data.clearance).toBe(edited.data.clearance);
  });
});
