// The embedded basemap at site scale: at zoom 13 around Lào Cai station, CCN Thống Nhất 1 and Đồng Đăng the
// OpenStreetMap railway and (in Lào Cai) the national and provincial roads are drawn with their numbers, park
// labels stay clear of road shields, the attribution credits OpenStreetMap, and nothing leaves the machine.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();

interface Rendered {
  layers: Record<string, number>;
  refs: string[];
  railNames: string[];
}

/** What the map drew in the viewport, by layer, through the test hook the app exposes (window.__atlas). Symbols
 *  count only when placed: a shield that lost a collision to a park label is not among them. */
async function rendered(page: Page): Promise<Rendered> {
  return page.evaluate(() => {
    const map = window.__atlas!.map;
    const ids = ['bm-osm-road', 'bm-osm-road-shield', 'bm-osm-rail-casing', 'bm-osm-rail-dash', 'bm-osm-rail-name', 'bm-osm-rail-overview', 'sites-label'];
    const layers: Record<string, number> = {};
    for (const id of ids) layers[id] = map.queryRenderedFeatures({ layers: [id] }).length;
    const refs = [...new Set(map.queryRenderedFeatures({ layers: ['bm-osm-road-shield'] }).map((f) => String(f.properties['ref'])))].sort();
    const railNames = [...new Set(map.queryRenderedFeatures({ layers: ['bm-osm-rail-casing'] }).map((f) => String(f.properties['name'] ?? '')))].filter(Boolean).sort();
    return { layers, refs, railNames };
  });
}

async function openAt(map: string, name: string, region = 'lao-cai'): Promise<{ r: Rendered; blocked: string[]; errors: string[] }> {
  const o = await openOffline(app.browser, `${app.url}?region=${region}&map=${map}`);
  await waitForIdleMap(o.page);
  await o.page.waitForFunction(() => Math.abs(window.__atlas!.map.getZoom() - 13) < 0.01);
  await waitForIdleMap(o.page);
  await screenshot(o.page, name);
  const r = await rendered(o.page);
  const attribution = await o.page.locator('.maplibregl-ctrl-attrib').innerText();
  assert.match(attribution, /© OpenStreetMap contributors/);
  await o.context.close();
  return { r, blocked: o.blocked, errors: o.errors };
}

describe('basemap: OpenStreetMap railways and roads at site scale', () => {
  it('around Lào Cai station (zoom 13): the Hà Nội – Lào Cai railway, QL.4E and provincial roads with their numbers', async () => {
    const { r, blocked, errors } = await openAt('13/22.4925/103.978', 'basemap-osm-lao-cai-station');
    assert.ok(r.layers['bm-osm-rail-casing']! > 0 && r.layers['bm-osm-rail-dash']! > 0, JSON.stringify(r.layers));
    assert.ok(r.railNames.includes('Đường sắt Hà Nội – Lào Cai'), JSON.stringify(r.railNames));
    assert.ok(r.layers['bm-osm-road']! > 0, JSON.stringify(r.layers));
    assert.ok(r.refs.some((x) => x.startsWith('QL.')), JSON.stringify(r.refs));
    // The data's "DT.151" is shown as Vietnamese maps write it.
    assert.ok(r.refs.every((x) => /^(QL|ĐT)\.\d+[A-Z]?$/.test(x)), JSON.stringify(r.refs));
    assert.equal(r.layers['bm-osm-rail-overview'], 0, 'the coarse railway gives way to the detailed one at zoom 13');
    assert.deepEqual(blocked, []);
    assert.deepEqual(errors, []);
  });

  it('around CCN Thống Nhất 1 (zoom 13): roads drawn and numbered beside the park labels', async () => {
    const { r, blocked, errors } = await openAt('13/22.382/104.05', 'basemap-osm-thong-nhat');
    assert.ok(r.layers['bm-osm-road']! > 0, JSON.stringify(r.layers));
    assert.ok(r.refs.length > 0, 'at least one road number is shown');
    assert.ok(r.layers['sites-label']! > 0, 'park labels are shown');
    // Which label wins a collision is the style's business (tests/unit/map/osmLines.test.ts); here: both kinds are placed.
    assert.ok(r.layers['bm-osm-road-shield']! > 0, JSON.stringify(r.layers));
    assert.deepEqual(blocked, []);
    assert.deepEqual(errors, []);
  });

  it('around Đồng Đăng (zoom 13): the Hà Nội – Đồng Đăng railway is drawn and named; Lạng Sơn has no roads in these files', async () => {
    const { r, blocked, errors } = await openAt('13/21.95/106.70', 'basemap-osm-dong-dang', 'lang-son');
    assert.ok(r.layers['bm-osm-rail-casing']! > 0, JSON.stringify(r.layers));
    assert.ok(r.railNames.includes('Đường sắt Hà Nội – Đồng Đăng'), JSON.stringify(r.railNames));
    assert.equal(r.layers['bm-osm-road'], 0, 'no OSM roads outside the former Lào Cai province');
    assert.deepEqual(blocked, []);
    assert.deepEqual(errors, []);
  });
});
