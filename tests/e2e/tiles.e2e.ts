// Large layers as PMTiles: 20 000 parcels tiled by the script's module into one archive placed next to
// the built app (tiles/…), named in a fixture region's region.json, served under a sub-path by the
// USB-stick server. The map reads the archive by HTTP range requests (206), fetches a small part of it,
// and draws the parcels; a region without such a layer never loads the PMTiles code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { geojsonToPmtiles } from '../../scripts/pmtiles/tileGeoJson';
import { randomParcels } from '../fixtures/clearance/builders';
import { buildWithRegions, launch, openOffline, ROOT, screenshot, serveDistUnderSubPath, waitForIdleMap } from './harness';

const ARCHIVE = 'tiles/thu-nghiem-thua-dat.pmtiles';
const N = 20_000;

let browser: Browser;
const children: ChildProcessWithoutNullStreams[] = [];
let outDir = '';
let archiveBytes = 0;

before(async () => {
  const regions = mkdtempSync(join(tmpdir(), 'kcn-tiles-regions-'));
  cpSync(join(ROOT, 'data', 'regions', 'lao-cai'), join(regions, 'lao-cai'), { recursive: true });
  cpSync(join(ROOT, 'tests', 'fixtures', 'regions', 'thu-nghiem'), join(regions, 'thu-nghiem'), { recursive: true });
  const regionFile = join(regions, 'thu-nghiem', 'region.json');
  const region = JSON.parse(readFileSync(regionFile, 'utf8')) as Record<string, unknown>;
  region['parcelTiles'] = {
    url: ARCHIVE,
    layer: 'parcels',
    attribution: 'Thửa đất thử nghiệm (không phải dữ liệu địa chính thật)',
    label: { vi: 'Thửa đất (dữ liệu thử)', en: 'Land parcels (test data)' },
  };
  writeFileSync(regionFile, JSON.stringify(region));
  outDir = join(ROOT, 'node_modules', '.cache', 'dist-tiles');
  await buildWithRegions(regions, outDir);
  // A commune's worth of parcels with the attributes a cadastral export carries.
  const features = randomParcels(N, 11, { lon0: 104.19, lat0: 22.19, spanDeg: 0.05, coverage: 0.6 }).map((f, i) => ({
    type: 'Feature' as const,
    geometry: f.geometry,
    properties: { so_thua: i + 1, to_ban_do: Math.floor(i / 400) + 1, loai_dat: ['ONT', 'LUC', 'CLN', 'SKC'][i % 4] },
  }));
  const t0 = performance.now();
  const { bytes } = geojsonToPmtiles({ type: 'FeatureCollection', features }, { layer: 'parcels', minZoom: 10, maxZoom: 16 });
  console.log(`# ${N} parcels tiled in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${(bytes.length / 1024 / 1024).toFixed(2)} MB`);
  archiveBytes = bytes.length;
  mkdirSync(join(outDir, 'tiles'), { recursive: true });
  writeFileSync(join(outDir, ARCHIVE), bytes);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const c of children) c.kill();
});

/** The fixture build served by scripts/serve-dist.mjs under /ban-do-kcn/, as on a shared host. */
function serveUnderSubPath(): Promise<string> {
  const served = serveDistUnderSubPath(outDir);
  children.push(served.child);
  return served.url;
}

describe('large layers (PMTiles)', () => {
  it('serves byte ranges of the archive from the USB-stick server', async () => {
    const base = await serveUnderSubPath();
    const url = new URL(ARCHIVE, base);
    const head = await fetch(url, { headers: { Range: 'bytes=0-126' } });
    assert.equal(head.status, 206);
    assert.equal(head.headers.get('content-range'), `bytes 0-126/${archiveBytes}`);
    const bytes = new Uint8Array(await head.arrayBuffer());
    assert.equal(bytes.length, 127);
    assert.equal(new TextDecoder().decode(bytes.slice(0, 7)), 'PMTiles');
    const tail = await fetch(url, { headers: { Range: 'bytes=-10' } });
    assert.equal(tail.status, 206);
    assert.equal((await tail.arrayBuffer()).byteLength, 10);
    assert.equal((await fetch(url, { headers: { Range: `bytes=${archiveBytes}-` } })).status, 416);
    const whole = await fetch(url);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('accept-ranges'), 'bytes');
    await whole.arrayBuffer();
    // The service worker neither precaches nor serves the archive (a range through it fails).
    assert.doesNotMatch(readFileSync(join(outDir, 'sw.js'), 'utf8'), /\.pmtiles/);
  });

  it('draws 20 000 parcels from the archive by range requests, fetching a small part of it, under a sub-path', async () => {
    const base = await serveUnderSubPath();
    const o = await openOffline(browser, base);
    const archive: { range: string | undefined; status: number; bytes: number }[] = [];
    // On the context: once the service worker controls the page, the page's fetches pass through it and
    // are reported there rather than on the page (it lets them go to the network untouched).
    o.context.on('requestfinished', async (req) => {
      if (!req.url().endsWith('.pmtiles')) return;
      const res = await req.response();
      const sizes = await req.sizes();
      archive.push({ range: (await req.allHeaders())['range'], status: res?.status() ?? 0, bytes: sizes.responseBodySize });
    });
    // MapLibre cancels the reads of tiles it no longer needs (the jump below, a slow worker): the page's
    // Resource Timing lists those too, so they are counted, and must be range reads as well.
    const cancelled: { range: string | undefined; failure: string }[] = [];
    o.context.on('requestfailed', async (req) => {
      if (!req.url().endsWith('.pmtiles')) return;
      cancelled.push({ range: (await req.allHeaders())['range'], failure: req.failure()?.errorText ?? '' });
    });
    await o.page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
      // The default buffer holds 250 entries; a cold start can fill it, and later reads would go unlisted.
      performance.setResourceTimingBufferSize(10_000);
    });
    await waitForIdleMap(o.page);
    await o.page.getByRole('heading', { level: 1, name: /Lào Cai/ }).waitFor();
    // A region without a parcel layer: no legend row, no PMTiles code, no archive request.
    assert.equal(await o.page.locator('input[data-layer="parcelTiles"]').count(), 0);
    const loadedReader = () => o.page.evaluate(() => performance.getEntriesByType('resource').some((e) => /parcelTilesProtocol/.test(e.name)));
    assert.equal(await loadedReader(), false, 'the PMTiles reader is not loaded for a region without parcel tiles');
    assert.equal(archive.length, 0);

    await o.page.getByTestId('region-switcher').selectOption('thu-nghiem');
    await o.page.getByRole('heading', { level: 1, name: /Tỉnh Thử Nghiệm/ }).waitFor();
    const row = o.page.locator('label[data-group="parcelTiles"]');
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Thửa đất \(dữ liệu thử\).*ngoại tuyến/);
    // The legend row can show before the lazy reader's chunk is listed in Resource Timing: wait for it.
    await o.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /parcelTilesProtocol/.test(e.name)), undefined, { timeout: 15_000 });
    assert.equal(await loadedReader(), true);

    // Into the middle of the parcels, at a zoom where single parcels read.
    await o.page.evaluate(() => window.__atlas!.map.jumpTo({ center: [104.204, 22.202], zoom: 15.5 }));
    await waitForIdleMap(o.page);
    const parcels = await o.page.evaluate(() =>
      window.__atlas!.map.queryRenderedFeatures({ layers: ['parcel-tiles-fill'] }).map((f) => ({ source: f.source, layer: f.sourceLayer, so: f.properties['so_thua'], loai: f.properties['loai_dat'] })),
    );
    assert.ok(parcels.length > 50, `parcels drawn: ${parcels.length}`);
    assert.ok(parcels.every((p) => p.source === 'parcel-tiles' && p.layer === 'parcels' && typeof p.so === 'number' && /^(ONT|LUC|CLN|SKC)$/.test(String(p.loai))));
    // The site label still reads on top of them.
    const labels = await o.page.evaluate(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['sites-label'] }).map((f) => f.properties['id']));
    assert.ok(labels.includes('mini-kcn-a'), JSON.stringify(labels));
    await screenshot(o.page, 'tiles-parcels');

    // Every read of the archive was a range answered with 206, and together they are a small part of it.
    // The page's own count (Resource Timing) says how many reads to wait for: the browser reports them a little later.
    const reads = await o.page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.pmtiles')).length);
    assert.ok(reads >= 2, `archive reads: ${reads}`);
    for (let i = 0; i < 100 && archive.length + cancelled.length < reads; i++) await o.page.waitForTimeout(100);
    assert.equal(archive.length + cancelled.length, reads, JSON.stringify({ archive, cancelled }));
    for (const r of cancelled) {
      assert.match(r.range ?? '', /^bytes=\d+-\d+$/, JSON.stringify(r));
      assert.match(r.failure, /ABORTED/, JSON.stringify(r));
    }
    for (const r of archive) {
      assert.match(r.range ?? '', /^bytes=\d+-\d+$/, JSON.stringify(r));
      assert.equal(r.status, 206, JSON.stringify(r));
    }
    const fetched = archive.reduce((s, r) => s + r.bytes, 0);
    console.log(`# archive ${(archiveBytes / 1024).toFixed(0)} KB; fetched ${(fetched / 1024).toFixed(0)} KB in ${archive.length} range requests (${cancelled.length} cancelled)`);
    assert.ok(fetched < archiveBytes / 5, `fetched ${fetched} of ${archiveBytes} bytes`);

    // The legend toggle hides the parcels.
    await o.page.locator('input[data-layer="parcelTiles"]').uncheck();
    await waitForIdleMap(o.page);
    assert.equal(await o.page.evaluate(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['parcel-tiles-fill'] }).length), 0);
    assert.deepEqual(o.errors, []);
    assert.deepEqual(o.blocked, []);
    await o.context.close();
  });
});
