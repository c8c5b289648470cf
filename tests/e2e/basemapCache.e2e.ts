// "Lưu bản đồ nền cho khi không có mạng": the online basemap is saved for Lào Cai while the network is up, then
// the browser goes offline and the page is reloaded: the online basemap still draws, from Cache Storage.
// A local HTTP server stands in for the online tile host: the browser's requests to that host are answered
// from it (context.route), so the real host is never contacted; its style, TileJSON, tiles, sprite and
// glyphs are tiny ones made here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { appAndBrowser, openOffline, screenshot, waitForIdleMap } from './harness';

const app = appAndBrowser();
const HOST = 'https://tiles.openfreemap.org';
const LAND = '#2e7d32';

const style = {
  version: 8,
  sources: { ofm: { type: 'vector', url: `${HOST}/planet` } },
  glyphs: `${HOST}/fonts/{fontstack}/{range}.pbf`,
  sprite: `${HOST}/sprites/ofm`,
  layers: [
    { id: 'test-bg', type: 'background', paint: { 'background-color': '#ffffff' } },
    { id: 'test-land', type: 'fill', source: 'ofm', 'source-layer': 'land', paint: { 'fill-color': LAND, 'fill-opacity': 0.6 } },
    { id: 'test-grid', type: 'line', source: 'ofm', 'source-layer': 'land', paint: { 'line-color': '#1b5e20', 'line-width': 1 } },
    {
      id: 'test-names',
      type: 'symbol',
      source: 'ofm',
      'source-layer': 'land',
      layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Regular'], 'icon-image': 'dot', 'symbol-placement': 'point' },
    },
  ],
};

// Every tile: a square inset in it (so tile edges show as a grid), with a name for the symbol layer.
function tileBytes(z: number, x: number, y: number): Buffer {
  const lon = (tx: number) => (tx / 2 ** z) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / 2 ** z))) * 180) / Math.PI;
  const [w, e, n, s] = [lon(x + 0.05), lon(x + 0.95), lat(y + 0.05), lat(y + 0.95)];
  const index = new GeoJSONVT(
    { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: `${z}/${x}/${y}` }, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } }] },
    { maxZoom: z, indexMaxZoom: z, buffer: 0 },
  );
  const tile = index.getTile(z, x, y);
  if (!tile) throw new Error(`no tile ${z}/${x}/${y}`);
  return Buffer.from(fromGeojsonVt({ land: tile }, { version: 2, extent: 4096 }));
}

// A 1×1 opaque green PNG for the sprite.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let server: Server;
let local = '';
const served: string[] = [];
before(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    served.push(path);
    const send = (type: string, body: Buffer | string) => {
      res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*' });
      res.end(body);
    };
    let m: RegExpMatchArray | null;
    if (path === '/styles/liberty') send('application/json', JSON.stringify(style));
    else if (path === '/planet') send('application/json', JSON.stringify({ tiles: [`${HOST}/planet/{z}/{x}/{y}.pbf`], minzoom: 0, maxzoom: 14 }));
    else if ((m = path.match(/^\/planet\/(\d+)\/(\d+)\/(\d+)\.pbf$/))) send('application/x-protobuf', tileBytes(Number(m[1]), Number(m[2]), Number(m[3])));
    // An empty glyph set is a valid one: MapLibre draws no letters, and the icons still show.
    else if (/^\/fonts\/.+\/\d+-\d+\.pbf$/.test(path)) send('application/x-protobuf', Buffer.alloc(0));
    else if (/^\/sprites\/ofm(@2x)?\.json$/.test(path)) send('application/json', JSON.stringify({ dot: { x: 0, y: 0, width: 1, height: 1, pixelRatio: path.includes('@2x') ? 2 : 1 } }));
    else if (/^\/sprites\/ofm(@2x)?\.png$/.test(path)) send('image/png', PNG);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

// Counted apart from the app (OSM wiki formula, asinh form) for the province's box in data/regions/lao-cai/region.json.
function expectedTiles(bbox: [number, number, number, number], maxZoom: number): number {
  const tx = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const ty = (lat: number, z: number) => Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
  let n = 0;
  for (let z = 0; z <= maxZoom; z++) n += (tx(bbox[2], z) - tx(bbox[0], z) + 1) * (ty(bbox[1], z) - ty(bbox[3], z) + 1);
  return n;
}

describe('the online basemap saved for use without internet', () => {
  it('saves Lào Cai to zoom 9 while online; offline after a reload the online basemap still draws from the save', async () => {
    const o = await openOffline(app.browser, `${app.url}?region=lao-cai&basemap=osm`);
    let offline = false;
    const online: string[] = [];
    const refused: string[] = [];
    await o.context.route(`${HOST}/**`, async (route) => {
      const url = route.request().url();
      if (offline) {
        refused.push(url);
        return route.abort('internetdisconnected');
      }
      online.push(url);
      const res = await fetch(local + new URL(url).pathname);
      return route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
    });
    // The first load raced the route above: draw the online style again now that the stand-in answers.
    await o.page.reload();
    await waitForIdleMap(o.page);
    await o.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await o.page.waitForFunction(() => Boolean(window.__atlas!.map.getLayer('test-land')), null, { timeout: 20_000 });
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'basemap-cache-online');

    await o.page.getByRole('button', { name: 'Lưu bản đồ nền cho khi không có mạng' }).click();
    const panel = o.page.getByRole('region', { name: 'Lưu bản đồ nền cho khi không có mạng' });
    await panel.getByLabel('Chi tiết đến mức thu phóng').selectOption('9');
    const bbox = await o.page.evaluate(() => window.__atlas!.store.getState().region!.data.region.bbox);
    const count = expectedTiles(bbox, 9);
    await assert.doesNotReject(panel.getByText(new RegExp(`^${count} ô bản đồ, khoảng [\\d,.]+ (kB|MB)`)).waitFor({ timeout: 20_000 }));
    await screenshot(o.page, 'basemap-cache-estimate');
    await panel.getByRole('button', { name: 'Bắt đầu lưu' }).click();
    await panel.getByText(/^Đã lưu bản đồ nền trực tuyến của Lào Cai đến mức 9/).waitFor({ timeout: 60_000 });
    await screenshot(o.page, 'basemap-cache-saved');
    // What Cache Storage holds: every tile of the box z0–z9, 4 sprite files, 6 glyph ranges, the style and the record.
    const cached = await o.page.evaluate(async () => {
      const names = (await caches.keys()).filter((k) => k.startsWith('kcn-online-basemap:'));
      return Promise.all(names.map(async (n) => ({ n, entries: (await (await caches.open(n)).keys()).length })));
    });
    assert.equal(cached.length, 1);
    assert.match(cached[0]!.n, /^kcn-online-basemap:lao-cai:/);
    assert.equal(cached[0]!.entries, count + 4 + 6 + 2);

    // Offline, and a reload: the app from the service worker, the online basemap from the save.
    offline = true;
    await o.context.setOffline(true);
    await o.page.reload();
    await waitForIdleMap(o.page);
    await o.page.waitForFunction(() => Boolean(window.__atlas!.map.getLayer('test-land')), null, { timeout: 20_000 });
    await waitForIdleMap(o.page);
    await screenshot(o.page, 'basemap-cache-offline');
    const s = await o.page.evaluate(() => {
      const { map, store } = window.__atlas!;
      const src = map.getStyle().sources['ofm'] as { tiles?: string[]; maxzoom?: number };
      return {
        online: navigator.onLine,
        basemap: store.getState().basemap,
        notice: store.getState().basemapNotice,
        tiles: src.tiles,
        maxzoom: src.maxzoom,
        land: map.queryRenderedFeatures({ layers: ['test-land'] }).length,
        names: map.queryRenderedFeatures({ layers: ['test-names'] }).length,
        sites: map.queryRenderedFeatures({ layers: ['sites-dot', 'sites-marker', 'sites-fill'].filter((l) => map.getLayer(l)) }).length,
      };
    });
    assert.equal(s.online, false);
    assert.equal(s.basemap, 'osm', 'still the online basemap, no fallback');
    assert.equal(s.notice, null, 'no "could not load the online basemap" notice');
    assert.deepEqual(s.tiles, ['kcnsaved://tiles.openfreemap.org/planet/{z}/{x}/{y}.pbf'], 'tiles answered from the save');
    assert.equal(s.maxzoom, 9);
    assert.ok(s.land > 0, `the saved tiles drew ${s.land} land squares`);
    assert.ok(s.names > 0, `the saved sprite drew ${s.names} icons`);
    assert.ok(s.sites > 0, 'the sites are drawn over it');
    // Offline the only try at the host is the style itself, refused; everything drawn came from Cache Storage.
    assert.ok(refused.every((u) => u === `${HOST}/styles/liberty`), refused.join('\n'));
    assert.ok(online.some((u) => u.endsWith('.pbf')), 'tiles came from the stand-in host while online');
    assert.deepEqual(o.blocked, []);
    assert.deepEqual(o.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
    await o.context.close();
  });
});
