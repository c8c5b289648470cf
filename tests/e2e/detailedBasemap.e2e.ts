// The detailed basemap end to end: the fixture OpenStreetMap extract (tests/fixtures/osm/thong-nhat.osm.pbf)
// goes through `npm run build:basemap:osm`'s script into a PMTiles archive placed next to the built app; a
// copy of Lào Cai whose region.json makes it the default basemap is served under a sub-path. At CCN Thống
// Nhất 1 the fixture's roads are drawn by class and labelled, its railway, station and industrial land are
// there; after the first reads the whole archive is in Cache Storage (drawing from it with the network off
// is not checked here yet: see the README).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { buildWithRegions, launch, openOffline, ROOT, screenshot, serveDistUnderSubPath, waitForIdleMap } from './harness';

const ARCHIVE = 'basemap/osm-detail.pmtiles';
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'osm', 'thong-nhat.osm.pbf');

let browser: Browser;
const children: ChildProcessWithoutNullStreams[] = [];
let outDir = '';

before(async () => {
  execFileSync(join(ROOT, 'scripts', 'ensure-osmium.sh'), { stdio: 'inherit' });
  const regions = mkdtempSync(join(tmpdir(), 'kcn-detail-regions-'));
  cpSync(join(ROOT, 'data', 'regions', 'lao-cai'), join(regions, 'lao-cai'), { recursive: true });
  const regionFile = join(regions, 'lao-cai', 'region.json');
  const region = JSON.parse(readFileSync(regionFile, 'utf8')) as Record<string, unknown>;
  region['basemap'] = { default: 'detailed', detailed: { url: ARCHIVE } };
  writeFileSync(regionFile, JSON.stringify(region));
  outDir = join(ROOT, 'node_modules', '.cache', 'dist-detailed-basemap');
  await buildWithRegions(regions, outDir);
  mkdirSync(join(outDir, 'basemap'), { recursive: true });
  const t0 = performance.now();
  const log = execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'build-basemap-osm.ts'), '--osm', FIXTURE, '--regions', 'lao-cai', '--out', join(outDir, ARCHIVE)], { encoding: 'utf8' });
  console.log(log.replace(/^/gm, '# '));
  console.log(`# fixture archive: ${statSync(join(outDir, ARCHIVE)).size} bytes in ${((performance.now() - t0) / 1000).toFixed(1)} s (with tsx start-up)`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const c of children) c.kill();
});

interface Drawn {
  roads: { cls: string; name: string | null; ref: string | null }[];
  labels: string[];
  layers: string[];
}

/** What the map draws of the detailed basemap right now. */
function drawn(page: Page): Promise<Drawn> {
  // No helper functions inside evaluate: tsx would wrap them in a __name() the page does not have.
  return page.evaluate(() => {
    const map = window.__atlas!.map;
    const road = map.getLayer('osm-roads') ? map.queryRenderedFeatures({ layers: ['osm-roads'] }) : [];
    const labelIds = ['osm-road-names', 'osm-road-refs', 'osm-station-names', 'osm-place-names', 'osm-railway-names'].filter((l) => map.getLayer(l));
    const other = ['osm-landuse', 'osm-water', 'osm-waterways', 'osm-railways', 'osm-stations'].filter((l) => map.getLayer(l));
    const roads = road.map((f) => ({ cls: String(f.properties['class']), name: (f.properties['name'] as string | undefined) ?? null, ref: (f.properties['ref'] as string | undefined) ?? null }));
    const labels = map.queryRenderedFeatures({ layers: labelIds }).map((f) => `${f.layer.id}:${String(f.layer.id === 'osm-road-refs' ? f.properties['ref'] : f.properties['name'])}`);
    const layers = [...new Set(map.queryRenderedFeatures({ layers: other }).map((f) => f.layer.id))].sort();
    return { roads, labels: [...new Set(labels)].sort(), layers };
  });
}

describe('detailed basemap from an OpenStreetMap extract', () => {
  it('draws the fixture roads by class, labelled, at CCN Thống Nhất 1, and stores the archive for offline use', async () => {
    const served = serveDistUnderSubPath(outDir);
    children.push(served.child);
    const base = await served.url;
    const o = await openOffline(browser, base);
    await waitForIdleMap(o.page);
    // The region's default: the detailed basemap, with nothing in the link.
    assert.equal(await o.page.evaluate(() => window.__atlas!.store.getState().basemap), 'detailed');
    assert.doesNotMatch(o.page.url(), /basemap=/);
    await o.page.evaluate(() => window.__atlas!.map.jumpTo({ center: [104.05, 22.382], zoom: 14 }));
    await o.page.waitForFunction(() => window.__atlas!.map.getLayer('osm-roads') !== undefined, null, { timeout: 15_000 });
    await waitForIdleMap(o.page);
    const online = await drawn(o.page);
    const classes = [...new Set(online.roads.map((r) => r.cls))].sort();
    assert.deepEqual(classes, ['minor', 'motorway', 'primary', 'secondary', 'tertiary', 'trunk']);
    const names = new Set(online.roads.map((r) => r.name));
    for (const n of ['Cao tốc Nội Bài – Lào Cai', 'Quốc lộ 4E', 'Đường tỉnh 151', 'Đường Thống Nhất', 'Phố Hoàng Liên']) assert.ok(names.has(n), `${n} drawn: ${[...names].join(', ')}`);
    // The footpath of the extract is not a basemap road.
    assert.ok(!names.has('Lối đi bộ'));
    assert.deepEqual(online.layers, ['osm-landuse', 'osm-railways', 'osm-stations', 'osm-water', 'osm-waterways']);
    // Labels placed on screen: road names, numbers on plates, the station and the town.
    for (const l of ['osm-road-refs:QL.4E', 'osm-station-names:Ga Thống Nhất', 'osm-place-names:Thị trấn Thống Nhất']) assert.ok(online.labels.includes(l), `${l} in ${online.labels.join(' | ')}`);
    assert.ok(online.labels.some((l) => l.startsWith('osm-road-names:')), online.labels.join(' | '));
    // The park's own label still reads over the basemap.
    const siteLabels = await o.page.evaluate(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['sites-label'] }).length);
    assert.ok(siteLabels >= 1);
    await screenshot(o.page, 'detailed-basemap');
    // OpenStreetMap credited once, although the embedded lines and the archive are both theirs.
    const credits = await o.page.locator('.maplibregl-ctrl-attrib-inner').innerText();
    assert.equal(credits.match(/© OpenStreetMap contributors/g)?.length, 1, credits);

    // The whole archive is kept in Cache Storage after the first reads.
    await o.page.waitForFunction(async (url) => Boolean(await caches.match(url)), new URL(ARCHIVE, base).href, { timeout: 20_000, polling: 200 });
    assert.deepEqual(o.blocked, []);
    await o.context.close();
  });
});
