// Shared links and later changes of the map fetch each embedded basemap file once. A link's state (site,
// view, comparison, kiosk) lands a moment after the region, and the map draws it as changes of one style;
// a layer toggled or the drawing tool opened changes that style again and must fetch nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appAndBrowser, openOffline, waitForIdleMap } from './harness';

const app = appAndBrowser();

describe('basemap files fetched once', () => {
  // A shared link's state (site, view, comparison, kiosk) lands a moment after the region: the map must
  // draw it as one style. A second full style logs MapLibre's "Unable to perform style diff" and fetches
  // every basemap file again. "late": the region's region.json is held back past the time the map waits for
  // it (REGION_WAIT_MS in src/map/MapView.tsx), as on a slow phone: the basemap is drawn and
  // loaded first, and the region's style comes after as a change of it, which must fetch no basemap file again.
  for (const [what, query, maps, late] of [
    ['a site and a view', '?sel=site:lc-kcn-tang-loong&map=12.5/22.295/104.144', 1, false],
    ['a site and a view, the region arriving late', '?sel=site:lc-kcn-tang-loong&map=12.5/22.295/104.144', 1, true],
    ['a view alone', '?map=10/22.3/104.1', 1, false],
    ['a view alone, the region arriving late', '?map=10/22.3/104.1', 1, true],
    ['a comparison side by side', '?compare=plan.after-relocation.side', 2, false],
    ['kiosk mode', '?slide=1&kiosk=1', 1, false],
  ] as const) {
    it(`opens a link with ${what} without rebuilding the style or fetching the basemap twice`, async () => {
      const o = await openOffline(app.browser, app.url);
      const { page } = o;
      await waitForIdleMap(page);
      const messages: string[] = [];
      const fetched = new Map<string, number>();
      page.on('console', (m) => messages.push(m.text()));
      page.on('request', (r) => {
        const m = /\/basemap\/([^?]+\.geojson)/.exec(r.url());
        if (m) fetched.set(m[1]!, (fetched.get(m[1]!) ?? 0) + 1);
      });
      // Held until the basemap has been drawn and loaded without it, however long that takes on this machine.
      let regionHeld = 0;
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      if (late) {
        await page.route(/\/assets\/region-[^/]+\.json$/, async (route) => {
          regionHeld += 1;
          await released;
          await route.continue();
        });
      }
      await page.goto(app.url + query);
      if (late) {
        // The first style, built when REGION_WAIT_MS ran out, has no region; its basemap files are in.
        await page.waitForFunction(() => !window.__atlas?.store.getState().region && window.__atlas?.map.getSource('basemap-countries') && window.__atlas.map.isSourceLoaded('basemap-countries'), null, { timeout: 30_000 });
        release();
      }
      await waitForIdleMap(page);
      if (late) assert.ok(regionHeld > 0, 'the region file was held back');
      if (maps === 2) await page.waitForFunction(() => window.__atlasCompare?.loaded() === true, null, { timeout: 30_000 });
      // Let the report, the comparison and the stored layers arrive: each used to bring a style of its own.
      await page.waitForFunction(() => Boolean(window.__atlas!.store.getState().report), null, { timeout: 30_000 });
      await page.waitForTimeout(1500);
      await waitForIdleMap(page);
      assert.deepEqual(messages.filter((m) => /style diff/i.test(m)), []);
      // The link's view is the one on screen, not the province framed whole over it.
      const view = /map=([\d.]+)\/([\d.]+)\/([\d.]+)/.exec(query);
      if (view) {
        const cam = await page.evaluate(() => ({ zoom: window.__atlas!.map.getZoom(), lat: window.__atlas!.map.getCenter().lat, lon: window.__atlas!.map.getCenter().lng }));
        assert.ok(Math.abs(cam.zoom - Number(view[1])) < 0.01 && Math.abs(cam.lat - Number(view[2])) < 0.001 && Math.abs(cam.lon - Number(view[3])) < 0.001, `the link's view ${view[0]}, on screen ${JSON.stringify(cam)}`);
      }
      assert.ok(fetched.size >= 8, `basemap files fetched: ${[...fetched.keys()].join(', ')}`);
      // Each file once per map (a comparison has two). An open fact sheet also reads two for itself: the OpenStreetMap
      // roads for its distances and the provinces for its printed locator.
      const sheetFiles = ['osm-roads.geojson', 'provinces.geojson'];
      const extra = (file: string) => (sheetFiles.includes(file) && query.includes('sel=') ? 1 : 0);
      const twice = [...fetched].filter(([file, n]) => n > maps + extra(file));
      assert.deepEqual(twice, [], `fetched more than once a map: ${JSON.stringify(twice)}`);
      assert.deepEqual(o.errors, []);
      await o.context.close();
    });
  }

  // Any change of the map's style once the basemap files are in (a legend toggle, the drawing tool opening, which
  // takes the stored sketches out of the style) used to fetch and index every one of them again.
  it('toggles a layer and opens the drawing tool with sketches stored without fetching the basemap again', async () => {
    const o = await openOffline(app.browser, app.url);
    const { page } = o;
    await waitForIdleMap(page);
    await page.evaluate(() => {
      window.__atlas!.store.getState().putSketch({
        id: 's-link-poly',
        name: 'Lô thử',
        clearance: null,
        createdAt: '2026-11-20T08:00:00.000Z',
        geometry: { type: 'Polygon', coordinates: [[[104.1432, 22.3021], [104.1461, 22.3021], [104.1461, 22.3042], [104.1432, 22.3021]]] },
      });
    });
    await waitForIdleMap(page);
    const fetched: string[] = [];
    page.on('request', (r) => {
      const m = /\/basemap\/([^?]+\.geojson)/.exec(r.url());
      if (m) fetched.push(m[1]!);
    });
    await page.waitForFunction(() => Boolean(window.__atlas!.map.getLayer('user-sketch-line')));
    assert.equal(await page.evaluate(() => window.__atlas!.map.getLayoutProperty('roads-line', 'visibility')), 'visible');
    await page.evaluate(() => window.__atlas!.store.getState().toggleLayer('roads'));
    await page.waitForFunction(() => window.__atlas!.map.getLayoutProperty('roads-line', 'visibility') === 'none');
    await waitForIdleMap(page);
    await page.getByRole('button', { name: 'Vẽ & đo' }).click();
    await page.getByRole('region', { name: 'Công cụ vẽ và đo' }).waitFor();
    // The app's own sketch layers leave the style (the drawing tool shows the sketches itself).
    await page.waitForFunction(() => !window.__atlas!.map.getLayer('user-sketch-line'), null, { timeout: 15_000 });
    await page.waitForTimeout(1000);
    await waitForIdleMap(page);
    assert.deepEqual(fetched, []);
    assert.deepEqual(o.errors, []);
    await o.context.close();
  });
});
